/**
 * What the category, compare and data pages share: the category pages, the per-category
 * comparison table (for the page and its CSV), and the comparison builder's
 * URL format. Pure apart from `href` (import.meta.env.BASE_URL).
 */
import { CATEGORIES, categorySlug, UNMATCHED_SLUG } from '../categories/index';

export { categorySlug, UNMATCHED_SLUG };
import type { CategoryComparison, SideBySideProject, Table } from '../compare/index';


/** Chinese one-line descriptions for the pages (the taxonomy's own descriptions are English). */
const ZH_DESCRIPTIONS: Record<string, string> = {
  '政务公开与政府公报': '政务公开工作与政府公报：印制、发布、电子版，政策解读，政务公开培训与宣传。',
  '政府网站与政务新媒体': '政府网站与政务新媒体：运行维护、改版、内容保障与监测。',
  '电子政务与网络': '电子政务外网/内网线路、办公局域网、党政专用通信网、互联网电路、视频会议、机房。',
  '督查督办': '督查、督察、督办，人大建议与政协提案办理。',
  '信访维稳': '信访与维稳工作。',
  '热线服务': '12345 政务服务热线。',
  '人员经费': '编外聘用人员报酬，挂职、异地交流任职干部的补助。',
  '综合工作经费': '办公室的综合运转经费打包成一个项目：会议、公务活动、文印、办公用品、差旅、值班等。',
  '年鉴与地方志': '年鉴与地方志编纂。',
  '驻村与乡村振兴': '驻村工作队与乡村振兴帮扶。',
};

export interface CategoryPage {
  /** Category name, or null for the unmatched projects. */
  name: string | null;
  slug: string;
  label: string;
  description: string;
}

/** Every category of the taxonomy, in taxonomy order. Slugs come from src/categories/taxonomy.ts. */
export const CATEGORY_PAGES: readonly CategoryPage[] = CATEGORIES.map((c) => ({
  name: c.name,
  slug: c.slug,
  label: c.name,
  description: ZH_DESCRIPTIONS[c.name] ?? '',
}));

export const UNMATCHED_PAGE: CategoryPage = { name: null, slug: UNMATCHED_SLUG, label: '未归类', description: '没有任何规则或人工指定匹配的项目，留待复核，不强行归类。' };


export function categoryBySlug(slug: string): CategoryPage | undefined {
  return slug === UNMATCHED_SLUG ? UNMATCHED_PAGE : CATEGORY_PAGES.find((c) => c.slug === slug);
}

export { parseSelection, selectionQuery, type Selection } from './select-query';

const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'] as const;

function targetsText(ks: SideBySideProject['satisfaction']): string {
  return ks.map((k) => `${k.name}: ${k.target?.raw ?? '—'}${k.actual ? ` → ${k.actual.raw}` : ''}`).join(' | ');
}

/** One category's projects side by side, as a table (CSV download of the category page). */
export function categoryTable(c: CategoryComparison): Table {
  const slug = categorySlug(c.category);
  return {
    name: `category-${slug}`,
    title: `Projects of category ${c.category ?? '(unmatched)'} side by side`,
    description: 'Budget, indicators by 一级, satisfaction and cost targets, and for self-evaluations the execution rate and score.',
    columns: [
      { name: 'id', type: 'string', description: 'Record id.' },
      { name: 'jurisdiction.code', type: 'string', description: 'GB/T 2260 code.' },
      { name: 'jurisdiction.name', type: 'string', description: 'Jurisdiction name.' },
      { name: 'year', type: 'integer', description: 'Budget year.' },
      { name: 'kind', type: 'string', description: 'target or self-evaluation.' },
      { name: 'department.name', type: 'string', description: 'Department.' },
      { name: 'name', type: 'string', description: 'Project name.' },
      { name: 'budget.total', type: 'number', description: 'Budget, yuan (self-evaluation: 全年预算数).' },
      ...LEVEL1.map((l) => ({ name: `indicators.${l}`, type: 'integer' as const, description: `Indicators with 一级 ${l}.` })),
      { name: 'indicators.other', type: 'integer', description: 'Indicators whose 一级 is not one of the four.' },
      { name: 'satisfaction', type: 'string', description: 'Satisfaction indicators: "name: target [→ actual]", joined by " | ".' },
      { name: 'costs', type: 'string', description: 'Cost indicators: "name: target [→ actual]", joined by " | ".' },
      { name: 'execution.reportedRate', type: 'number', description: '执行率 as printed (fraction); empty for target tables.' },
      { name: 'execution.computedRate', type: 'number', description: '全年执行数 ÷ 全年预算数, 4 decimals; empty for target tables.' },
      { name: 'totalScore', type: 'number', description: 'Self-evaluation total score; empty for target tables.' },
    ],
    rows: c.projects.map((p) => [
      p.id,
      p.jurisdiction.code,
      p.jurisdiction.name,
      p.year,
      p.kind,
      p.department,
      p.name,
      p.budget,
      ...LEVEL1.map((l) => p.indicatorsByLevel1[l] ?? 0),
      p.indicatorsByLevel1['null'] ?? 0,
      targetsText(p.satisfaction),
      targetsText(p.costs),
      p.execution?.reportedRate ?? null,
      p.execution?.computedRate ?? null,
      p.execution?.totalScore ?? null,
    ]),
  };
}

/** The category pages to build: every category of the taxonomy, plus 未归类 when some project is unmatched. */
export function categoryPagesFor(records: readonly { category: { name: string | null } }[]): CategoryPage[] {
  return records.some((r) => r.category.name === null) ? [...CATEGORY_PAGES, UNMATCHED_PAGE] : [...CATEGORY_PAGES];
}
