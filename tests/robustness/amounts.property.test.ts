/**
 * Zero, tiny, huge and missing numbers, in records that the schema accepts,
 * never make the audit, the comparisons, the charts, the number formats or the
 * downloads throw, nor print NaN or Infinity.
 *
 * Records are generated from the committed ones (real names, layouts and
 * indicator tables) with every number replaced by one drawn from the edges of
 * what the schema allows. Fixed seed, bounded runs: the same inputs in CI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditRecords } from '../../src/audit/checks';
import { costChart, costTable } from '../../src/charts/costs';
import { executionChart, executionTable, yearExecutionChart, yearExecutionTable } from '../../src/charts/execution';
import { budgetByJurisdictionChart, budgetByJurisdictionTable } from '../../src/charts/budget-by-jurisdiction';
import { acrossYears, budgetMatrix, matrixTable, sideBySide, unitCosts, unitCostTable } from '../../src/compare/index';
import { loadRecords } from '../../src/domain/records';
import { exportOpenData } from '../../src/export/index';
import { budgetByJurisdictionYear, executionByYear, totals } from '../../src/lib/facets';
import { formatMoney, formatPoints, formatRate, formatReading, formatWan, formatYuan } from '../../src/lib/format';
import { costIndicators } from '../../src/lib/indicators';
import { MAX_NUMBER, MAX_POINTS, MAX_YUAN, ProjectRecord, type Value } from '../../src/schema/record';

const templates = loadRecords('data/records').records;
const SIZE = { width: 390 };

/** Amounts: the edges first (none, zero, one fen, the largest), then any fen-exact amount. */
const yuan = fc.oneof(
  fc.constantFrom(null, 0, 0.01, 1, 9999.99, 10000, MAX_YUAN),
  fc.integer({ min: 0, max: MAX_YUAN * 100 }).map((fen) => fen / 100),
);
const points = fc.oneof(fc.constantFrom(null, 0, 0.01, 100, MAX_POINTS, -MAX_POINTS), fc.double({ min: -MAX_POINTS, max: MAX_POINTS, noNaN: true }));
const rate = fc.oneof(fc.constantFrom(null, 0, 1, MAX_POINTS), fc.double({ min: 0, max: MAX_POINTS, noNaN: true }));
const number = fc.oneof(
  fc.constantFrom(null, 0, 1e-9, -1e-9, 0.5, 1, MAX_NUMBER, -MAX_NUMBER),
  fc.double({ min: -MAX_NUMBER, max: MAX_NUMBER, noNaN: true }),
);

function value(v: Value | null, n: number | null, upper: number | null): Value | null {
  return v && { ...v, value: n, upper: v.upper === null ? null : upper };
}

/** One record: a template with its numbers replaced. */
const record = fc
  .record({
    template: fc.constantFrom(...templates),
    budget: fc.tuple(yuan, yuan, yuan),
    execution: fc.tuple(yuan, yuan, yuan, rate, points, points),
    scores: fc.tuple(points, points),
    indicatorNumbers: fc.array(fc.tuple(number, number, number, points, points), { minLength: 1, maxLength: 200 }),
    year: fc.option(fc.integer({ min: 2015, max: 2030 })),
  })
  .map(({ template: t, budget, execution: e, scores, indicatorNumbers, year }) => {
    const pick = (i: number) => indicatorNumbers[i % indicatorNumbers.length];
    return {
      ...t,
      year,
      budget: { total: budget[0], fiscal: budget[1], other: budget[2] },
      execution: t.execution && {
        ...t.execution,
        initialBudget: e[0],
        adjustedBudget: e[1],
        executed: e[2],
        reportedRate: e[3],
        weight: e[4],
        score: e[5],
        funding: t.execution.funding.map((f, i) => ({ ...f, initialBudget: i % 2 ? e[0] : e[1], adjustedBudget: e[1], executed: i % 2 ? e[2] : e[0] })),
      },
      totalScore: t.totalScore === null ? null : scores[0],
      totalWeight: t.totalWeight === null ? null : scores[1],
      indicators: t.indicators.map((ind, i) => {
        const [target, actual, upper, weight, score] = pick(i);
        return { ...ind, target: value(ind.target, target, upper), actual: value(ind.actual, actual, upper), weight, score };
      }),
    } satisfies ProjectRecord;
  });

const dataset = fc.array(record, { minLength: 1, maxLength: 8 }).map((rs) =>
  // Unique ids, as the loader guarantees.
  rs.map((r, i) => ({ ...r, id: r.id.replace(/[0-9a-f]{8}$/, i.toString(16).padStart(8, '0')) })),
);

/** Every string inside a value (deeply), for the NaN/Infinity check. */
function texts(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (typeof x === 'number') out.push(String(x));
  else if (Array.isArray(x)) for (const y of x) texts(y, out);
  else if (x && typeof x === 'object') for (const y of Object.values(x)) texts(y, out);
  return out;
}

function expectClean(label: string, output: unknown) {
  const bad = texts(output).find((t) => /NaN|Infinity/.test(t));
  expect(bad, `${label} printed ${bad?.slice(0, 200)}`).toBeUndefined();
}

/** What the pages and downloads compute from a set of records, each named. */
function everything(records: ProjectRecord[]): [string, () => unknown][] {
  return [
    ['audit', () => auditRecords(records)],
    ['budget matrix', () => matrixTable(budgetMatrix(records))],
    ['side by side', () => sideBySide(records)],
    ['across years', () => acrossYears(records)],
    ['unit costs', () => unitCostTable(unitCosts(records))],
    ['totals', () => totals(records)],
    ['budget chart', () => [budgetByJurisdictionChart(budgetByJurisdictionYear(records), SIZE), budgetByJurisdictionTable(budgetByJurisdictionYear(records))]],
    ['year execution chart', () => [yearExecutionChart(executionByYear(records), SIZE), yearExecutionTable(executionByYear(records))]],
    [
      'project pages',
      () =>
        records.map((r) => {
          const costData = { budget: r.budget.total, costs: costIndicators(r) };
          const out: unknown[] = [costChart(costData, SIZE), costTable(costData), formatMoney(r.budget.total)];
          if (r.execution) {
            const figures = r.execution;
            out.push(executionChart(figures, SIZE), executionTable(figures), formatRate(figures.reportedRate), formatPoints(figures.score));
          }
          for (const i of r.indicators) out.push(formatReading(i.target), formatReading(i.actual), formatPoints(i.weight), formatPoints(i.score));
          for (const n of [r.budget.total, r.budget.fiscal, r.budget.other]) if (n !== null) out.push(formatYuan(n), formatWan(n));
          return out;
        }),
    ],
    ['downloads', () => exportOpenData(records, { audit: auditRecords(records).map((f) => ({ ...f, id: f.projectId, code: f.check, position: f.indicatorIndex })) })],
  ];
}

describe('arithmetic on schema-valid records with extreme numbers', () => {
  it('the generated records are valid records (the property below is about what the schema lets in)', () => {
    fc.assert(
      fc.property(record, (r) => {
        const parsed = ProjectRecord.safeParse(r);
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });

  it('no stage throws, and none prints NaN or Infinity', () => {
    fc.assert(
      fc.property(dataset, (records) => {
        for (const [label, run] of everything(records)) {
          let output: unknown;
          expect(() => (output = run()), label).not.toThrow();
          expectClean(label, output);
        }
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });
});

describe('the schema refuses numbers that no table prints', () => {
  const t = templates.find((r) => r.execution !== null)!;
  const withExecution = (patch: Partial<NonNullable<ProjectRecord['execution']>>) => ({ ...t, execution: { ...t.execution!, ...patch } });
  it.each([
    ['a tenth of a fen (0.001 yuan, what 0.0000001 万元 becomes)', withExecution({ adjustedBudget: 0.001 }), 'execution.adjustedBudget'],
    ['an amount beyond 10 万亿 yuan', { ...t, budget: { ...t.budget, total: 1e14 } }, 'budget.total'],
    ['a negative amount', { ...t, budget: { ...t.budget, total: -5 } }, 'budget.total'],
    ['Infinity (what JSON.parse makes of 1e400)', JSON.parse(JSON.stringify(t).replace(/"totalScore":[^,]+/, '"totalScore":1e400')), 'totalScore'],
    ['a weight of 1e300 points', { ...t, indicators: [{ ...t.indicators[0], weight: 1e300 }] }, 'indicators.0.weight'],
  ])('%s', (_what, input, field) => {
    const parsed = ProjectRecord.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});
