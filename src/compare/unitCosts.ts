/**
 * Comparable unit costs: where a table states both an amount and a quantity
 * for the same thing, amount ÷ quantity, with every input, the arithmetic as
 * a string, and the assumptions it rests on (none is made silently).
 *
 * Three readers:
 *  1. Paired indicators (any project): a 数量指标 with a count unit and a
 *     成本指标 in 元 whose names name the same thing (same stem once a
 *     trailing 个数/数量/费用/金额… is removed, or one stem of at least 4
 *     characters contained in the other). Quantities below 2 are skipped (≥1人 says nothing per unit).
 *  2. The government gazette (政府公报), where the numbers sit in the text of
 *     the indicator names: 内页每页0.35元，封皮每本3元 … 每期400本 … 每本不超过50页
 *     (石嘴山 layout); 每年4期,每期2万元 (中卫); a gazette project whose only
 *     copy count and only cost in 元 are paired; a gazette printed N 期/年
 *     whose own cost cell is empty, priced as the remainder of the budget
 *     (平罗; flagged as an assumption).
 *  3. Actuals: for self-evaluations the same pairs over 实际完成值.
 *
 * All arithmetic is exact in fen; results are rounded half up to the fen and
 * the exact quotient is returned as a fraction.
 */
import type { Indicator, Value } from '../schema/record';
import { categoryName, squash, type CompareOptions, type CompareRecord } from './common';
import { isCost } from '../domain/indicators';
import { divideYuan, fenToYuan, formatAmount, toFen } from '../domain/money';

export type Bound = '=' | '≤' | '<' | '≥' | '>' | '≈' | null;

export interface UnitCostInput {
  /** Where the number was read: an indicator's target or actual, the text of its name, the goal/outcome text, or the budget. */
  from: 'target' | 'actual' | 'indicator name' | 'outcome' | 'budget';
  /** Indicator name, or null for budget/outcome. */
  indicator: string | null;
  /** 1-based position of the indicator in the record, or null. */
  position: number | null;
  /** The text the number was read from. */
  raw: string;
}

export interface UnitCost {
  id: string;
  jurisdiction: CompareRecord['jurisdiction'];
  year: number | null;
  kind: CompareRecord['kind'];
  project: string;
  category: string | null;
  /** "政府公报" for the gazette readers; null for generic indicator pairs. */
  topic: string | null;
  /** What is measured, e.g. "印制装订发行 per 册". */
  measure: string;
  /** "target": planned figures; "actual": 实际完成值 of a self-evaluation. */
  basis: 'target' | 'actual';
  /** Yuan per unit, rounded half up to the fen. */
  value: number;
  /** The exact quotient in yuan, as a reduced fraction ("335/41") or an integer. */
  exact: string;
  /** e.g. "元/册". */
  unit: string;
  /** How the true unit cost relates to value: "≤" when the amount is a ceiling and the quantity a floor, etc.; null when the comparators do not give a direction. */
  bound: Bound;
  amount: { yuan: number; op: string | null; inputs: UnitCostInput[] };
  quantity: { value: number; op: string | null; unit: string; inputs: UnitCostInput[] };
  /** The arithmetic, e.g. "67000 元 ÷ 8200 册 = 8.17 元/册 (exact 335/41)". */
  arithmetic: string;
  /** Every assumption the figure rests on; empty when it rests on stated figures only. */
  assumptions: string[];
  /** Remarks that are not assumptions (consistency checks, wording of the source). */
  notes: string[];
}

const TIME_UNIT = /^(年|月|个月|天|日|工作日|小时|分钟|秒|周|季度)$/;

function countUnit(u: string | null): string | null {
  if (!u) return null;
  const base = u.replace(/\/年$/, '');
  if (/元|%|\//.test(base) || TIME_UNIT.test(base)) return null;
  return base;
}

function isQuantity(ind: Indicator): boolean {
  return ind.level2 === '数量指标' || /数量/.test(ind.level2Raw ?? '');
}

const STEM_SUFFIX = /(全年薪酬|全年费用|个数|数量|份数|次数|件数|期数|台数|条数|人数|费用|金额|成本|经费|价格|薪酬|工资|费)$/;

/** Indicator name without whitespace, punctuation around it, and one trailing measure word. */
export function stem(name: string): string {
  return squash(name).replace(/[。.;；]$/, '').replace(STEM_SUFFIX, '');
}

function sameThing(a: string, b: string): boolean {
  const x = stem(a);
  const y = stem(b);
  if (x === y) return x.length > 0;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  return s.length >= 4 && l.includes(s);
}

/** Direction of amount ÷ quantity from the two comparators. */
export function boundOf(amountOp: string | null, qtyOp: string | null): Bound {
  const a = amountOp ?? '=';
  const q = qtyOp ?? '=';
  if (a === '≈' || q === '≈') return '≈';
  const upperA = a === '=' || a === '≤' || a === '<';
  const lowerQ = q === '=' || q === '≥' || q === '>';
  if (upperA && lowerQ) {
    if (a === '=' && q === '=') return '=';
    return a === '<' || q === '>' ? '<' : '≤';
  }
  const lowerA = a === '=' || a === '≥' || a === '>';
  const upperQ = q === '=' || q === '≤' || q === '<';
  if (lowerA && upperQ) return a === '>' || q === '<' ? '>' : '≥';
  return null;
}

function head(r: CompareRecord, opts: CompareOptions) {
  return { id: r.id, jurisdiction: r.jurisdiction, year: r.year, kind: r.kind, project: r.name, category: categoryName(r, opts) };
}

function makeDivision(
  r: CompareRecord,
  opts: CompareOptions,
  p: {
    topic: string | null;
    measure: string;
    basis: 'target' | 'actual';
    amount: { yuan: number; op: string | null; inputs: UnitCostInput[] };
    quantity: { value: number; op: string | null; unit: string; inputs: UnitCostInput[] };
    assumptions?: string[];
    notes?: string[];
    bound?: Bound;
  },
): UnitCost[] {
  const q = divideYuan(p.amount.yuan, p.quantity.value);
  // A quantity of zero, or so small that the cost per unit is beyond any amount: no unit cost to state.
  if (q === null) return [];
  const unit = `元/${p.quantity.unit}`;
  const bound = p.bound !== undefined ? p.bound : boundOf(p.amount.op, p.quantity.op);
  const arithmetic = `${formatAmount(p.amount.yuan)} 元 ÷ ${p.quantity.value} ${p.quantity.unit} = ${formatAmount(q.yuan)} ${unit}${q.rounded ? `（精确值 ${q.exact}，四舍五入到分）` : ''}`;
  return [{
    ...head(r, opts),
    topic: p.topic,
    measure: p.measure,
    basis: p.basis,
    value: q.yuan,
    exact: q.exact,
    unit,
    bound,
    amount: p.amount,
    quantity: p.quantity,
    arithmetic,
    assumptions: p.assumptions ?? [],
    notes: p.notes ?? [],
  }];
}

function valueInput(ind: Indicator, pos: number, from: 'target' | 'actual'): UnitCostInput {
  const v = ind[from] as Value;
  return { from: v.fromName ? 'indicator name' : from, indicator: ind.name, position: pos, raw: v.raw };
}

/** Reader 1 (and 3): quantity and cost indicators naming the same thing. */
export function pairedUnitCosts(r: CompareRecord, opts: CompareOptions = {}): UnitCost[] {
  const out: UnitCost[] = [];
  const bases: ('target' | 'actual')[] = r.kind === 'self-evaluation' ? ['target', 'actual'] : ['target'];
  for (const basis of bases) {
    const inds = r.indicators.map((ind, i) => ({ ind, pos: i + 1, v: ind[basis] }));
    const qs = inds.filter(({ ind, v }) => isQuantity(ind) && v && v.value !== null && v.value >= 2 && countUnit(v.unit) && !v.qualitative);
    const cs = inds.filter(({ ind, v }) => isCost(ind) && v && v.value !== null && v.value > 0 && (v.unit === '元' || v.unit === '元/年' || v.unit === null));
    for (const q of qs) {
      for (const c of cs) {
        if (!sameThing(q.ind.name, c.ind.name)) continue;
        const qv = q.v as Value;
        const cv = c.v as Value;
        const assumptions: string[] = [];
        if (cv.unit === null) assumptions.push(`金额“${cv.raw}”未写单位；因该行是成本指标，按元理解`);
        const notes: string[] = [];
        if (cv.unit === '元/年' || /\/年$/.test(qv.unit ?? '')) notes.push('两个数字都是全年数');
        const gazette = /公报/.test(q.ind.name + c.ind.name);
        out.push(
          ...makeDivision(r, opts, {
            topic: gazette ? '政府公报' : null,
            measure: `${stem(c.ind.name)}（每${countUnit(qv.unit)}）`,
            basis,
            amount: { yuan: cv.value as number, op: cv.op, inputs: [valueInput(c.ind, c.pos, basis)] },
            quantity: { value: qv.value as number, op: qv.op, unit: countUnit(qv.unit) as string, inputs: [valueInput(q.ind, q.pos, basis)] },
            assumptions,
            notes,
          }),
        );
      }
    }
  }
  return out;
}

function num(s: string): number {
  return Number(s);
}

/** 2万 → 20000, 0.35 → 0.35 (yuan), exact via fen. */
function yuanOf(n: string, wan: string | undefined): number {
  if (!wan) return num(n);
  return fenToYuan(toFen(num(n)) * 10000n);
}

/** Reader 2: the government gazette. */
export function gazetteUnitCosts(r: CompareRecord, opts: CompareOptions = {}): UnitCost[] {
  const mentions = /公报/.test(squash(r.name)) || /公报/.test(squash(r.goal)) || r.indicators.some((i) => /公报/.test(i.name));
  if (!mentions) return [];
  const out: UnitCost[] = [];
  const inds = r.indicators.map((ind, i) => ({ ind, pos: i + 1, text: squash(ind.name) }));
  const find = (re: RegExp) => {
    for (const x of inds) {
      const m = x.text.match(re);
      if (m) return { m, input: { from: 'indicator name' as const, indicator: x.ind.name, position: x.pos, raw: m[0] } };
    }
    return null;
  };

  const findIn = (where: RegExp, re: RegExp) => {
    for (const x of inds) {
      if (!where.test(x.text)) continue;
      const m = x.text.match(re);
      if (m) return { m, input: { from: 'indicator name' as const, indicator: x.ind.name, position: x.pos, raw: m[0] } };
    }
    return null;
  };

  // 石嘴山 layout: prices per page and per cover, pages per copy, copies per issue, delivery price.
  const pagePrice = find(/内页每页(\d+(?:\.\d+)?)元/);
  const coverPrice = find(/封皮每本(\d+(?:\.\d+)?)元/);
  const pages = find(/每本(不超过|不多于|最多)?(\d+)页/);
  if (pagePrice && coverPrice && pages) {
    const nPages = num(pages.m[2]);
    const perCopyFen = BigInt(nPages) * toFen(num(pagePrice.m[1])) + toFen(num(coverPrice.m[1]));
    const perCopy = fenToYuan(perCopyFen);
    const pagesBound: Bound = pages.m[1] ? '≤' : '=';
    const assumptions = [
      `每本的 ${nPages} 页都按内页单价 ${pagePrice.m[1]} 元/页计算，且页数与单价中的“页”是同一单位`,
    ];
    out.push({
      ...head(r, opts),
      topic: '政府公报',
      measure: '每本印制费（内页 + 封皮）',
      basis: 'target',
      value: perCopy,
      exact: divideYuan(perCopy, 1)!.exact,
      unit: '元/本',
      bound: pagesBound,
      amount: { yuan: perCopy, op: pagesBound, inputs: [pages.input, pagePrice.input, coverPrice.input] },
      quantity: { value: 1, op: '=', unit: '本', inputs: [] },
      arithmetic: `${pagesBound === '≤' ? '≤' : ''}${nPages} 页 × ${pagePrice.m[1]} 元/页 + ${coverPrice.m[1]} 元/本 = ${formatAmount(perCopy)} 元/本`,
      assumptions,
      notes: [],
    });
    const copies = findIn(/印制/, /每期(\d+)本/) ?? find(/每期(\d+)本/);
    if (copies) {
      const n = num(copies.m[1]);
      const perIssue = fenToYuan(perCopyFen * BigInt(n));
      const delivery = find(/投递每本(?:价格)?(\d+(?:\.\d+)?)元/);
      const delivered = find(/每期投递(\d+)本/);
      const issues = find(/全年(\d+)期/);
      const notes: string[] = [];
      let deliveryPerIssueFen: bigint | null = null;
      if (delivery && delivered) deliveryPerIssueFen = BigInt(num(delivered.m[1])) * toFen(num(delivery.m[1]));
      if (issues && deliveryPerIssueFen !== null && r.budget.total !== null) {
        const yearFen = BigInt(num(issues.m[1])) * (perCopyFen * BigInt(n) + deliveryPerIssueFen);
        notes.push(
          `全年 ${issues.m[1]} 期 × (${formatAmount(perIssue)} + ${formatAmount(fenToYuan(deliveryPerIssueFen))}) = ${formatAmount(fenToYuan(yearFen))} 元，项目预算 ${formatAmount(r.budget.total)} 元`,
        );
      }
      out.push({
        ...head(r, opts),
        topic: '政府公报',
        measure: '每期印制费',
        basis: 'target',
        value: perIssue,
        exact: String(perIssue),
        unit: '元/期',
        bound: pagesBound,
        amount: { yuan: perIssue, op: pagesBound, inputs: [pages.input, pagePrice.input, coverPrice.input, copies.input] },
        quantity: { value: 1, op: '=', unit: '期', inputs: issues ? [issues.input] : [] },
        arithmetic: `${n} 本 × ${formatAmount(perCopy)} 元/本 = ${formatAmount(perIssue)} 元/期`,
        assumptions,
        notes,
      });
      if (delivery && delivered && deliveryPerIssueFen !== null) {
        const d = fenToYuan(deliveryPerIssueFen);
        out.push({
          ...head(r, opts),
          topic: '政府公报',
          measure: '每期投递费',
          basis: 'target',
          value: d,
          exact: String(d),
          unit: '元/期',
          bound: '=',
          amount: { yuan: d, op: '=', inputs: [delivered.input, delivery.input] },
          quantity: { value: 1, op: '=', unit: '期', inputs: [] },
          arithmetic: `${delivered.m[1]} 本 × ${delivery.m[1]} 元/本 = ${formatAmount(d)} 元/期`,
          assumptions: [],
          notes: [],
        });
        const total = fenToYuan(perCopyFen * BigInt(n) + deliveryPerIssueFen);
        out.push({
          ...head(r, opts),
          topic: '政府公报',
          measure: '每期印制与投递费',
          basis: 'target',
          value: total,
          exact: String(total),
          unit: '元/期',
          bound: pagesBound,
          amount: { yuan: total, op: pagesBound, inputs: [pages.input, pagePrice.input, coverPrice.input, copies.input, delivered.input, delivery.input] },
          quantity: { value: 1, op: '=', unit: '期', inputs: [] },
          arithmetic: `${formatAmount(perIssue)} + ${formatAmount(d)} = ${formatAmount(total)} 元/期`,
          assumptions,
          notes,
        });
      }
    }
  }

  // 中卫 layout: "每年4期,每期2万元" in a cost indicator's name.
  const perIssueStated = find(/每年(\d+)期[,，、]?每期(\d+(?:\.\d+)?)(万)?元/);
  if (perIssueStated) {
    const y = yuanOf(perIssueStated.m[2], perIssueStated.m[3]);
    const nIssues = num(perIssueStated.m[1]);
    const costInd = inds.find((x) => x.text.includes(perIssueStated.m[0]));
    const notes: string[] = [];
    const tv = costInd?.ind.target;
    if (tv?.value != null && tv.unit === '元') {
      const ok = toFen(tv.value) === toFen(y) * BigInt(nIssues);
      notes.push(`${nIssues} 期 × ${formatAmount(y)} 元 = ${formatAmount(fenToYuan(toFen(y) * BigInt(nIssues)))} 元 ${ok ? '=' : '≠'} 该指标的指标值 ${tv.raw}`);
    }
    out.push({
      ...head(r, opts),
      topic: '政府公报',
      measure: '每期全部制作费用（表中写明）',
      basis: 'target',
      value: y,
      exact: String(y),
      unit: '元/期',
      bound: '=',
      amount: { yuan: y, op: '=', inputs: [perIssueStated.input] },
      quantity: { value: 1, op: '=', unit: '期', inputs: [perIssueStated.input] },
      arithmetic: `表中写明：每期${perIssueStated.m[2]}${perIssueStated.m[3] ?? ''}元 = ${formatAmount(y)} 元/期`,
      assumptions: [],
      notes,
    });
    // Actual: executed cost ÷ issues published, the issue count read from the outcome text.
    const actual = costInd?.ind.actual;
    const published = r.outcome ? squash(r.outcome).match(/公报》?(\d+)期/) : null;
    if (r.kind === 'self-evaluation' && actual?.value != null && actual.unit === '元' && published) {
      out.push(
        ...makeDivision(r, opts, {
          topic: '政府公报',
          measure: '每期全部制作费用',
          basis: 'actual',
          amount: { yuan: actual.value, op: actual.op, inputs: [valueInput(costInd!.ind, costInd!.pos, 'actual')] },
          quantity: { value: num(published[1]), op: '=', unit: '期', inputs: [{ from: 'outcome', indicator: null, position: null, raw: published[0] }] },
        }),
      );
    }
  }

  // A gazette project: its only copy count and its only cost in 元, when no name-based pair exists.
  if (/公报/.test(squash(r.name))) {
    const bases: ('target' | 'actual')[] = r.kind === 'self-evaluation' ? ['target', 'actual'] : ['target'];
    for (const basis of bases) {
      const qs = r.indicators
        .map((ind, i) => ({ ind, pos: i + 1, v: ind[basis] }))
        .filter(({ ind, v }) => isQuantity(ind) && v?.value != null && /^(份|册|本)$/.test(countUnit(v.unit) ?? ''));
      const cs = r.indicators
        .map((ind, i) => ({ ind, pos: i + 1, v: ind[basis] }))
        .filter(({ ind, v }) => isCost(ind) && v?.value != null && v.value > 0 && v.unit === '元');
      if (qs.length !== 1 || cs.length !== 1 || sameThing(qs[0].ind.name, cs[0].ind.name)) continue;
      const [q, c] = [qs[0], cs[0]];
      const assumptions = [
        `该项目只做政府公报，因此把它唯一的成本指标（“${c.ind.name}”）视为覆盖它唯一的数量指标（“${q.ind.name}”）所计的份数`,
      ];
      if (/期数/.test(q.ind.name)) assumptions.push(`“${q.ind.name}”名为期数，但其值为“${q.v!.raw}”，按份数理解`);
      out.push(
        ...makeDivision(r, opts, {
          topic: '政府公报',
          measure: '每份全部制作费用',
          basis,
          amount: { yuan: c.v!.value as number, op: c.v!.op, inputs: [valueInput(c.ind, c.pos, basis)] },
          quantity: { value: q.v!.value as number, op: q.v!.op, unit: countUnit(q.v!.unit) as string, inputs: [valueInput(q.ind, q.pos, basis)] },
          assumptions,
        }),
      );
    }
  }

  // 平罗 layout: issues per year stated, the gazette's own cost cell empty → remainder of the budget.
  const issueQty = r.indicators
    .map((ind, i) => ({ ind, pos: i + 1 }))
    .find(({ ind }) => isQuantity(ind) && /公报/.test(ind.name) && ind.target?.value != null && /^期(\/年)?$/.test(ind.target.unit ?? ''));
  const gazetteCostStated = r.indicators.some((ind) => isCost(ind) && /公报/.test(ind.name) && ind.target?.value != null);
  if (issueQty && !gazetteCostStated && !perIssueStated && r.budget.total !== null) {
    const others = r.indicators
      .map((ind, i) => ({ ind, pos: i + 1 }))
      .filter(({ ind }) => isCost(ind) && ind.target?.value != null && ind.target.unit === '元');
    if (others.length > 0) {
      const restFen = others.reduce((a, { ind }) => a + toFen(ind.target!.value as number), 0n);
      const remFen = toFen(r.budget.total) - restFen;
      if (remFen > 0n) {
        const rem = fenToYuan(remFen);
        const allEq = others.every(({ ind }) => (ind.target!.op ?? '=') === '=');
        const allLe = others.every(({ ind }) => ['=', '≤', '<'].includes(ind.target!.op ?? '='));
        const remOp = allEq ? '=' : allLe ? '≥' : null;
        const gazetteRow = r.indicators.find((ind) => isCost(ind) && /公报/.test(ind.name));
        const t = issueQty.ind.target!;
        out.push(
          ...makeDivision(r, opts, {
            topic: '政府公报',
            measure: '每期印制费（由预算推算）',
            basis: 'target',
            amount: {
              yuan: rem,
              op: remOp,
              inputs: [
                { from: 'budget', indicator: null, position: null, raw: `项目预算 ${formatAmount(r.budget.total)} 元` },
                ...others.map(({ ind, pos }) => valueInput(ind, pos, 'target')),
              ],
            },
            quantity: { value: t.value as number, op: t.op, unit: '期', inputs: [valueInput(issueQty.ind, issueQty.pos, 'target')] },
            assumptions: [
              `表中没有写公报的金额${gazetteRow ? `（“${gazetteRow.name}”一行没有值）` : ''}；其费用按项目预算减去其他成本指标计算：${formatAmount(r.budget.total)} − ${others.map(({ ind }) => formatAmount(ind.target!.value as number)).join(' − ')} = ${formatAmount(rem)} 元`,
            ],
            notes: /\/年$/.test(t.unit ?? '') ? ['期数是每年的期数（期/年）'] : [],
          }),
        );
      }
    }
  }
  return out;
}

/** All unit costs of the records: gazette readers first, then generic pairs not already covered. */
export function unitCosts(records: readonly CompareRecord[], opts: CompareOptions = {}): UnitCost[] {
  const out: UnitCost[] = [];
  for (const r of records) {
    out.push(...gazetteUnitCosts(r, opts), ...pairedUnitCosts(r, opts));
  }
  return out;
}
