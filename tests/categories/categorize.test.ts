import { loadRecords } from '../../src/domain/records';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CATEGORY_NAMES,
  RULES,
  categorize,
  matchRule,
  parseOverrides,
  unmatched,
  type CategorizeInput,
} from '../../src/categories/index';
import { loadOverrides } from '../../src/categories/load';
import { EXPECTED } from './fixtures';

function input(e: (typeof EXPECTED)[number], id?: string): CategorizeInput {
  return { id, kind: e.kind, year: e.year, name: e.name, goal: e.goal, jurisdiction: { name: e.jurisdiction, code: e.code } };
}

describe('taxonomy', () => {
  it('has unique names and slugs, and every rule names a known category', () => {
    expect(new Set(CATEGORY_NAMES).size).toBe(CATEGORIES.length);
    expect(new Set(CATEGORIES.map((c) => c.slug)).size).toBe(CATEGORIES.length);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(CATEGORY_NAMES).toContain(r.category);
  });
  it('name rules come before goal rules', () => {
    const firstGoal = RULES.findIndex((r) => r.field === 'goal');
    expect(RULES.slice(firstGoal).every((r) => r.field === 'goal')).toBe(true);
  });
});

describe('the 30 projects of data/sources', () => {
  it('are 30, 7+7+8+4+4', () => {
    expect(EXPECTED).toHaveLength(30);
    const per = (c: string) => EXPECTED.filter((e) => e.code === c).length;
    expect([per('640100'), per('640200'), per('640221'), per('640502'), per('640500')]).toEqual([7, 7, 8, 4, 4]);
  });
  for (const e of EXPECTED) {
    it(`${e.jurisdiction} ${e.year} ${e.name} → ${e.category}`, () => {
      const got = categorize(input(e));
      expect(got.name).toBe(e.category);
      expect(got.overridden).toBe(false);
      expect(got.rule?.startsWith('name:')).toBe(true);
    });
  }
  it('every category of the taxonomy is used by at least one project', () => {
    expect(new Set(EXPECTED.map((e) => e.category))).toEqual(new Set(CATEGORY_NAMES));
  });
  // Project names of the web copies in data/sources/005–010, as printed there.
  it('reads poverty relief (扶贫) as rural revitalisation and 报酬 as personnel; education and farmland have no category', () => {
    const c = (name: string) => categorize({ kind: 'target', year: 2018, name }).name;
    expect(c('2018年市级专项扶贫资金基础设施(人大代表扶贫基地)')).toBe('驻村与乡村振兴');
    expect(c('村组干部报酬')).toBe('人员经费');
    expect(c('农村义务教育薄弱学校改造补助资金')).toBeNull();
    expect(c('岳阳县2022年高标准农田建设项目')).toBeNull();
  });
  it('ignores whitespace that PDF extraction put inside names', () => {
    expect(categorize({ kind: 'target', year: 2021, name: '政府重点工作 督察经费' }).name).toBe('督查督办');
  });
});

describe('the shipped overrides file', () => {
  it('parses', () => {
    const o = loadOverrides(join(process.cwd(), 'data/categories.overrides.json'));
    expect(o.byId.size + o.byKey.size).toBeGreaterThanOrEqual(0);
  });
});

// When the importer has written data/records/, check the real records too.
const { records } = loadRecords(join(process.cwd(), 'data/records'));
describe.skipIf(records.length === 0)('data/records (when present)', () => {
  it('each record gets the expected category', () => {
    const overrides = loadOverrides(join(process.cwd(), 'data/categories.overrides.json'));
    const squash = (s: string) => s.replace(/\s+/g, '');
    let seen = 0;
    for (const r of records) {
      const e = EXPECTED.find(
        (x) => x.code === r.jurisdiction?.code && x.year === r.year && x.kind === r.kind && squash(x.name) === squash(r.name),
      );
      if (!e) continue;
      seen++;
      expect({ name: r.name, category: categorize(r, overrides).name }).toEqual({ name: r.name, category: e.category });
    }
    expect(seen).toBe(30);
  });
});

describe('overrides', () => {
  const base: CategorizeInput = {
    id: '640502-2025-target-0123abcd',
    kind: 'target',
    year: 2025,
    name: '督查及政务公开工作经费',
    goal: '',
    jurisdiction: { name: '沙坡头区', code: '640502' },
  };

  it('an override by id wins over the rules', () => {
    const o = parseOverrides({ overrides: { '640502-2025-target-0123abcd': { category: '督查督办', note: 'test' } } });
    expect(categorize(base)).toEqual({ name: '政务公开与政府公报', rule: 'name:open-government', overridden: false });
    expect(categorize(base, o)).toEqual({ name: '督查督办', rule: 'override', overridden: true });
  });

  it('an override by "<code>|<year>|<kind>|<name>" wins, whitespace in the name ignored', () => {
    const o = parseOverrides({ overrides: { '640502|2025|target|督查及 政务公开工作经费': { category: '督查督办' } } });
    expect(categorize({ ...base, id: undefined }, o)).toEqual({ name: '督查督办', rule: 'override', overridden: true });
    // a different year does not match
    expect(categorize({ ...base, id: undefined, year: 2024 }, o).overridden).toBe(false);
  });

  it('accepts selfeval as the kind in a composite key', () => {
    const o = parseOverrides({ overrides: { '640500|2024|selfeval|《政府公报》创办费': { category: '综合工作经费' } } });
    const r: CategorizeInput = { kind: 'self-evaluation', year: 2024, name: '《政府公报》创办费', jurisdiction: { name: '中卫市', code: '640500' } };
    expect(categorize(r, o).name).toBe('综合工作经费');
  });

  it('the id key wins over the composite key', () => {
    const o = parseOverrides({
      overrides: {
        '640502|2025|target|督查及政务公开工作经费': { category: '综合工作经费' },
        '640502-2025-target-0123abcd': { category: '督查督办' },
      },
    });
    expect(categorize(base, o).name).toBe('督查督办');
  });

  it('an override to null keeps the project unassigned', () => {
    const o = parseOverrides({ overrides: { '640502-2025-target-0123abcd': { category: null } } });
    expect(categorize(base, o)).toEqual({ name: null, rule: 'override', overridden: true });
  });

  it('rejects unknown categories and malformed keys', () => {
    expect(() => parseOverrides({ overrides: { '640502-2025-target-0123abcd': { category: '不存在' } } })).toThrow(/unknown category/);
    expect(() => parseOverrides({ overrides: { 'foo|bar': { category: '督查督办' } } })).toThrow(/neither a record id/);
  });
});

describe('unmatched', () => {
  it('a project no rule recognises stays null and is listed', () => {
    const odd: CategorizeInput = { id: '640100-2026-target-deadbeef', kind: 'target', year: 2026, name: '城市绿化养护', goal: '提升城市绿化覆盖率' };
    expect(categorize(odd)).toEqual({ name: null, rule: null, overridden: false });
    expect(matchRule(odd)).toBeNull();
    const list = unmatched([odd, input(EXPECTED[0])]);
    expect(list).toEqual([odd]);
  });
  it('a generic-looking name with an unknown subject is not forced into 综合工作经费', () => {
    expect(categorize({ kind: 'target', year: 2025, name: '安全生产工作经费', goal: '' }).name).toBeNull();
  });
  it('goal rules catch what the name does not say', () => {
    const r = categorize({ kind: 'target', year: 2025, name: '购买服务项目', goal: '保障12345政务服务便民热线运行' });
    expect(r).toEqual({ name: '热线服务', rule: 'goal:hotline', overridden: false });
  });
  it('a stored category field is respected by unmatched()', () => {
    const r = { kind: 'target' as const, year: 2025, name: '城市绿化养护', category: { name: '综合工作经费', rule: 'override', overridden: true } };
    expect(unmatched([r])).toEqual([]);
  });
});
