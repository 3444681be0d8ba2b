/**
 * The citation of a project page in GB/T 7714 style (electronic resource, [EB/OL]):
 *   <publisher>. <table title>：<project name>（<year>年）[EB/OL]. <url>, [引用日期].
 * The publisher is the department named in the table (for these tables the
 * 人民政府办公室), else the jurisdiction's government; the title is the table
 * title as published, else one built from the jurisdiction and the kind.
 */
import type { ProjectRecord } from '../schema/record';

const squash = (s: string) => s.replace(/\s+/g, '');

export function citationPublisher(r: Pick<ProjectRecord, 'department' | 'jurisdiction'>): string {
  if (r.department?.name) return squash(r.department.name);
  if (r.jurisdiction.name) return `${r.jurisdiction.name}人民政府`;
  return '发布机关未列明';
}

export function citationTitle(r: Pick<ProjectRecord, 'title' | 'jurisdiction' | 'kind' | 'name' | 'year'>): string {
  const table = r.title ? squash(r.title) : `${r.jurisdiction.name ?? ''}项目支出绩效${r.kind === 'target' ? '目标' : '自评'}表`;
  return `${table}：${r.name.trim()}${r.year === null ? '' : `（${r.year}年）`}`;
}

export function citationText(r: Pick<ProjectRecord, 'title' | 'jurisdiction' | 'kind' | 'name' | 'year' | 'department'>, url: string): string {
  return `${citationPublisher(r)}. ${citationTitle(r)}[EB/OL]. ${url}, [引用日期].`;
}
