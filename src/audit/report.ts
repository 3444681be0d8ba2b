/** Text rendering of flags (pure): the readable summary printed by `npm run audit`. */
import type { ProjectRecord } from '../schema/record';
import { CHECKS } from './catalogue';
import type { Flag, Severity } from './types';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

function counts(flags: readonly Flag[]): string {
  return SEVERITIES.map((s) => `${SEVERITY_ZH[s]} ${flags.filter((f) => f.severity === s).length}`).join('，');
}

/** Summary by check and by project, every flag listed under its project. */
export function formatSummary(records: readonly ProjectRecord[], flags: readonly Flag[]): string {
  const lines: string[] = [];
  lines.push(`审计 ${records.length} 个项目记录：共 ${flags.length} 条（${counts(flags)}）`);
  lines.push('');
  lines.push('按检查 (by check):');
  for (const c of CHECKS) {
    const n = flags.filter((f) => f.check === c.code).length;
    if (n === 0) continue;
    lines.push(`  ${c.severity.padEnd(7)} ${c.code.padEnd(28)} ${String(n).padStart(4)}  ${c.title}`);
  }
  lines.push('');
  lines.push('按项目 (by project):');
  for (const r of records) {
    const own = flags.filter((f) => f.projectId === r.id);
    lines.push(`  ${r.id}  ${r.name}  [${r.source.file}:${r.source.lines[0]}-${r.source.lines[1]}]  ${own.length === 0 ? '无问题' : counts(own)}`);
    for (const f of own) {
      const where = f.field ? ` ${f.field}` : '';
      lines.push(`    ${f.severity.padEnd(7)} ${f.check}${where}: ${f.message}`);
    }
  }
  return lines.join('\n') + '\n';
}
