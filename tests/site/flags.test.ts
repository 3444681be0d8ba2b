/**
 * The flag index behind the site's flag markers, counts and /checks/ pages:
 * spots on the project page, anchors, counts by severity, ordering.
 */
import { describe, expect, test } from 'vitest';
import type { Flag } from '../../src/audit/checks';
import { auditRecords, CHECKS } from '../../src/audit/checks';
import { loadRecords } from '../../src/domain/records';
import { paths } from '../../src/lib/paths';
import {
  bySeverity,
  checksBySeverity,
  countsLabel,
  flagSpot,
  getFlagIndex,
  indexFlags,
  indicatorColumn,
  severityCounts,
  spotLabel,
} from '../../src/lib/flags';

function flag(over: Partial<Flag>): Flag {
  return { projectId: 'p1', project: '项目', check: 'VAGUE_TARGET', severity: 'warning', message: 'm', figures: {}, indicatorIndex: null, field: null, ...over };
}

const records = loadRecords('tests/site/fixtures/records').records;

describe('flagSpot: where a flag sits on the project page', () => {
  test.each([
    [{ field: 'indicators[3].score', indicatorIndex: 3 }, 'indicators[3].score'],
    [{ field: 'indicators[3].target', indicatorIndex: 3 }, 'indicators[3].target'],
    [{ field: 'indicators[0].actual', indicatorIndex: 0 }, 'indicators[0].actual'],
    [{ field: 'indicators[2].weight', indicatorIndex: 2 }, 'indicators[2].weight'],
    [{ field: 'indicators[4].level2', indicatorIndex: 4 }, 'indicators[4].name'],
    [{ field: 'indicators[4].level1', indicatorIndex: 4 }, 'indicators[4].name'],
    [{ field: null, indicatorIndex: 5 }, 'indicators[5].name'],
    [{ field: 'execution.reportedRate', indicatorIndex: null }, 'execution.reportedRate'],
    [{ field: 'execution.score', indicatorIndex: null }, 'execution.score'],
    [{ field: 'execution.weight', indicatorIndex: null }, 'execution.score'],
    [{ field: 'execution.executed', indicatorIndex: null }, 'execution.executed'],
    [{ field: 'execution.initialBudget', indicatorIndex: null }, 'execution.initialBudget'],
    [{ field: 'execution.funding', indicatorIndex: null }, 'execution.executed'],
    [{ field: 'budget.total', indicatorIndex: null }, 'budget.total'],
    [{ field: 'budget.somethingElse', indicatorIndex: null }, 'budget.total'],
    [{ field: 'totalScore', indicatorIndex: null }, 'totalScore'],
    [{ field: 'indicators', indicatorIndex: null }, 'indicators'],
    [{ field: null, indicatorIndex: null }, 'record'],
  ] as const)('%j → %s', (f, spot) => {
    expect(flagSpot(f)).toBe(spot);
  });

  test('indicatorColumn falls back to the name cell when the table does not show the column', () => {
    const f = { field: 'indicators[1].actual', indicatorIndex: 1 };
    expect(indicatorColumn(f, ['name', 'target', 'actual', 'score'])).toBe('actual');
    expect(indicatorColumn(f, ['name', 'target'])).toBe('name');
    expect(indicatorColumn({ field: 'indicators[1].level2', indicatorIndex: 1 }, ['name', 'target'])).toBe('name');
  });

  test('spotLabel says where, in Chinese', () => {
    expect(spotLabel({ field: 'indicators[2].score', indicatorIndex: 2 }, ['a', 'b', '应急值班人员数'])).toBe('第3个指标「应急值班人员数」的得分');
    expect(spotLabel({ field: 'indicators[2].target', indicatorIndex: 2 })).toBe('第3个指标的指标值');
    expect(spotLabel({ field: 'execution.reportedRate', indicatorIndex: null })).toBe('执行率');
    expect(spotLabel({ field: 'totalScore', indicatorIndex: null })).toBe('总分');
  });
});

describe('indexFlags', () => {
  const flags = [
    flag({ projectId: 'p1', check: 'EXEC_RATE_MISMATCH', severity: 'error', field: 'execution.reportedRate' }),
    flag({ projectId: 'p1', check: 'UNIT_MISMATCH', indicatorIndex: 0, field: 'indicators[0].actual' }),
    flag({ projectId: 'p1', check: 'UNIT_MISMATCH', indicatorIndex: 0, field: 'indicators[0].actual' }),
    flag({ projectId: 'p1', check: 'NO_TARGET', severity: 'info', indicatorIndex: 11, field: 'indicators[11].target' }),
    flag({ projectId: 'p2', check: 'EXEC_RATE_MISMATCH', severity: 'error', field: 'execution.reportedRate' }),
  ];
  const index = indexFlags(flags);

  test('by project, spot, indicator and check', () => {
    expect(index.all).toHaveLength(5);
    expect(index.forProject('p1')).toHaveLength(4);
    expect(index.forProject('nope')).toEqual([]);
    expect(index.at('p1', 'execution.reportedRate').map((f) => f.check)).toEqual(['EXEC_RATE_MISMATCH']);
    expect(index.at('p1', 'indicators[0].actual')).toHaveLength(2);
    expect(index.at('p1', 'totalScore')).toEqual([]);
    expect(index.forIndicator('p1', 11).map((f) => f.check)).toEqual(['NO_TARGET']);
    expect(index.forCheck('EXEC_RATE_MISMATCH').map((f) => f.projectId)).toEqual(['p1', 'p2']);
  });

  test('anchors are unique within a project and readable', () => {
    const anchors = index.forProject('p1').map((f) => f.anchor);
    expect(anchors).toEqual(['flag-EXEC_RATE_MISMATCH', 'flag-UNIT_MISMATCH-1', 'flag-UNIT_MISMATCH-1-2', 'flag-NO_TARGET-12']);
    expect(index.forProject('p2')[0].anchor).toBe('flag-EXEC_RATE_MISMATCH');
    for (const a of anchors) expect(a).toMatch(/^[\w-]+$/);
  });

  test('counts by severity, and a label for screen readers', () => {
    expect(index.counts('p1')).toEqual({ error: 1, warning: 2, info: 1, total: 4 });
    expect(index.counts('nope')).toEqual({ error: 0, warning: 0, info: 0, total: 0 });
    expect(countsLabel(index.counts('p1'))).toBe('1 条错误、2 条警告、1 条提示');
    expect(countsLabel(severityCounts([]))).toBe('无核查提示');
  });

  test('bySeverity puts errors, then warnings, then info, keeping order within each', () => {
    const sorted = bySeverity(index.forProject('p1'));
    expect(sorted.map((f) => f.severity)).toEqual(['error', 'warning', 'warning', 'info']);
    expect(sorted[1].anchor).toBe('flag-UNIT_MISMATCH-1');
    expect(checksBySeverity()).toHaveLength(CHECKS.length);
    expect(checksBySeverity()[0].severity).toBe('error');
    expect(checksBySeverity().at(-1)!.severity).toBe('info');
  });
});

describe('getFlagIndex on the fixture records', () => {
  test('audits once per records array and matches auditRecords', () => {
    const a = getFlagIndex(records);
    expect(getFlagIndex(records)).toBe(a);
    expect(a.all.map(({ anchor: _a, spot: _s, ...f }) => f)).toEqual(auditRecords(records));
  });

  test('the 中卫 政府专项工作经费 self-evaluation has its execution-rate flag beside the rate', () => {
    const index = getFlagIndex(records);
    const [f] = index.at('640500-2024-selfeval-6aafabe3', 'execution.reportedRate');
    expect(f.check).toBe('EXEC_RATE_MISMATCH');
    expect(f.message).toContain('58.62%');
    expect(f.anchor).toBe('flag-EXEC_RATE_MISMATCH');
  });

  test('every spot of every flag is one the project page renders', () => {
    const rendered = /^(indicators\[\d+\]\.(name|target|actual|weight|score)|execution\.(reportedRate|score|executed|initialBudget|adjustedBudget)|budget\.(total|fiscal|other)|totalScore|indicators|record)$/;
    for (const f of getFlagIndex(records).all) expect(f.spot).toMatch(rendered);
  });
});

test('flag paths live under the base path', () => {
  expect(paths.checks()).toBe('/checks/');
  expect(paths.check('NO_TARGET')).toBe('/checks/NO_TARGET/');
  expect(paths.methodology('EXEC_RATE_MISMATCH')).toBe('/methodology/#EXEC_RATE_MISMATCH');
});
