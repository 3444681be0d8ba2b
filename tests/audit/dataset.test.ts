/**
 * The audit over the real dataset (data/records, produced by the importer from
 * data/sources). Every expected flag below was confirmed by reading the source
 * document (`sed 's/\t/⇥/g' data/sources/FILE | cat -n`); the line numbers are
 * those of the source. Skipped until data/records exists.
 *
 * Exact: the set of (file, project, check, indicator) for every check except
 * NO_TARGET, which is checked by count per project (most 石嘴山 indicators have
 * no comparator phrase in their name, hence no target) plus named examples.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditRecords, type Flag } from '../../src/audit/checks';
import { loadRecords } from '../../src/domain/records';

const DIR = path.resolve('data/records');
const present = existsSync(DIR) && readdirSync(DIR).some((n) => n.endsWith('.json'));

type Row = [file: string, project: string, check: string, indicator: string | null];

// file is the first 3 characters of the source file name.
const EXPECTED: Row[] = [
  // ── 000 银川市 2026 targets ────────────────────────────────────────────────
  // lines 20–22: 有所提升 ×3
  ['000', '银川12345热线2026年购买服务项目', 'VAGUE_TARGET', '及时受理企业诉求,助力优化银川市营商环境'],
  ['000', '银川12345热线2026年购买服务项目', 'VAGUE_TARGET', '市民获得感、满意度'],
  ['000', '银川12345热线2026年购买服务项目', 'VAGUE_TARGET', '及时受理群众反映生态环境诉求,维护和保障人民群众的合法环境权益'],
  // lines 45, 47: 长期
  ['000', '驻村工作队员工作经费', 'VAGUE_TARGET', '全面推进乡村振兴'],
  ['000', '驻村工作队员工作经费', 'VAGUE_TARGET', '提升乡村自我发展能力'],
  // lines 110, 112: 长期 (names cut off by the original PDF)
  ['000', '市政府政务公开工作经费', 'VAGUE_TARGET', '进一步扩大公报受众面，适应移动互联网发展趋势，推出适合移'],
  ['000', '市政府政务公开工作经费', 'VAGUE_TARGET', '推进政务公开，加强政务服务，加快推进政府治理体系和治理能'],
  // lines 144–148: 有效 ×2, 效果好 ×2
  ['000', '政府聘用人员', 'VAGUE_TARGET', '提升聘用人员工作质量'],
  ['000', '政府聘用人员', 'VAGUE_TARGET', '推动聘用人员为民办事服务'],
  ['000', '政府聘用人员', 'VAGUE_TARGET', '保持津补贴政策的一致性、延续性'],
  ['000', '政府聘用人员', 'VAGUE_TARGET', '聘用人员的积极性'],
  // lines 184–190: 效果好, 明显提升 ×2, 长期 ×2, 效果好
  ['000', '银川市电子政务信息化运维项目保障', 'VAGUE_TARGET', '面向市民的政务系统运行效率'],
  ['000', '银川市电子政务信息化运维项目保障', 'VAGUE_TARGET', '政府网站常态化监管效能'],
  ['000', '银川市电子政务信息化运维项目保障', 'VAGUE_TARGET', '政府网站服务群众能力'],
  ['000', '银川市电子政务信息化运维项目保障', 'VAGUE_TARGET', '保障党政内网视频会议系统安全平稳运行'],
  ['000', '银川市电子政务信息化运维项目保障', 'VAGUE_TARGET', '保障电子政务网络、政府网站安全平稳运行'],
  ['000', '银川市电子政务信息化运维项目保障', 'VAGUE_TARGET', '提高政府行政事业单位人员办公效率'],
  // line 223: 产出指标 printed in the 二级 column; lines 224–226 inherit it
  ['000', '工作经费', 'LEVEL2_INVALID', '办公耗材及用品使用时间'],
  ['000', '工作经费', 'LEVEL2_INVALID', '差旅费合格报销时间'],
  ['000', '工作经费', 'LEVEL2_INVALID', '调研、培训开展时限'],
  ['000', '工作经费', 'LEVEL2_INVALID', '挂职干部保障费用时间'],
  // lines 230–231: 会费缴纳时间 twice under 时效指标 (12月前 / ≥11月前)
  ['000', '工作经费', 'DUPLICATE_INDICATOR', '会费缴纳时间'],
  // lines 245, 247: 长期
  ['000', '工作经费', 'VAGUE_TARGET', '服务好市政府社会事务去过程的工作'],
  ['000', '工作经费', 'VAGUE_TARGET', '服务保障全市各职能部门高效运转'],
  // ── 001 石嘴山市 2024 targets (weight column) ─────────────────────────────
  // lines 198–206: every row 本指标不适用, every weight 0
  ['001', '自治区党政专用通信网二级网运行维护费', 'WEIGHTS_ALL_ZERO', null],
  ['001', '自治区党政专用通信网二级网运行维护费', 'ALL_NOT_APPLICABLE', null],
  // ── 002 平罗县 2021 targets ────────────────────────────────────────────────
  // lines 22–23: 有所提升 ×2
  ['002', '政务网络、政府办局域网运行维护费', 'VAGUE_TARGET', '保障系统及办公设备安全稳定, 延长使用寿命, 促进办公一体化, 提高工作效率'],
  ['002', '政务网络、政府办局域网运行维护费', 'VAGUE_TARGET', '政务网络、政府办局域网、网上信访信息系统及办公设备正常使用'],
  // lines 45–46: 显著 ×2
  ['002', '会议费及公务活动费', 'VAGUE_TARGET', '贯彻落实中央、自治区方针政策, 促进地方社会经济发展'],
  ['002', '会议费及公务活动费', 'VAGUE_TARGET', '提升人民群众幸福感、获得感'],
  // lines 65–66: 逐步提高, 进一步提高
  ['002', '解决历史遗留及疑难信访问题资金', 'VAGUE_TARGET', '解决历史遗留及疑难信访问题社会反响'],
  ['002', '解决历史遗留及疑难信访问题资金', 'VAGUE_TARGET', '进一步提高解决、维护群众合法权益, 确保社会和谐稳定'],
  // lines 97–100: 逐步提高 ×3, 有所提升
  ['002', '全国、区、市“两会”及敏感时期信访维稳和进京赴银到市驻访维稳工作经费', 'VAGUE_TARGET', '推动解决信访事项, 维护社会合法权益'],
  ['002', '全国、区、市“两会”及敏感时期信访维稳和进京赴银到市驻访维稳工作经费', 'VAGUE_TARGET', '维护社会大面和谐稳定'],
  ['002', '全国、区、市“两会”及敏感时期信访维稳和进京赴银到市驻访维稳工作经费', 'VAGUE_TARGET', '进一步推动是要解决、维护群众合法权益, 确保社会和谐稳定'],
  ['002', '全国、区、市“两会”及敏感时期信访维稳和进京赴银到市驻访维稳工作经费', 'VAGUE_TARGET', '信访群众满意率逐步上升'],
  // line 119: 长期坚持
  ['002', '政府重点工作督察经费', 'VAGUE_TARGET', '长期开展本年度县委、政府重点工作正常督察工作,落实任务目标责任'],
  // lines 129, 142–144: budget 18万元; 政府公报印刷 (no amount) + 7万元 + 8万元 = 15万元
  ['002', '政务公开工作经费', 'COST_SHORT_OF_BUDGET', null],
  // lines 145–147: 逐步提升, 稳步提升, 长期性
  ['002', '政务公开工作经费', 'VAGUE_TARGET', '政务公开社会影响率'],
  ['002', '政务公开工作经费', 'VAGUE_TARGET', '政务公开理念普及度'],
  ['002', '政务公开工作经费', 'VAGUE_TARGET', '为打造服务性政府、法制政府助力'],
  // lines 167–168: 提升, 提升、规范
  ['002', '文印工作经费', 'VAGUE_TARGET', '年内保证县政府及县政府办全年上、下行文及平行文和相关材料高效、及时、准确。'],
  ['002', '文印工作经费', 'VAGUE_TARGET', '不断规范提升县政府及县政府办全年上、下行文及平行文和相关材料。'],
  // lines 178, 194–195: budget 219万元; 45万元 (=) and 3万元/个 (per unit)
  ['002', '2020年度信访工作责任目标考核“以奖代补”资金', 'COST_SHORT_OF_BUDGET', null],
  // lines 183, 189, 197: 逐年下降, 扎实有效, 逐步提高
  ['002', '2020年度信访工作责任目标考核“以奖代补”资金', 'VAGUE_TARGET', '13个乡镇和30个县直部门信访问题量'],
  ['002', '2020年度信访工作责任目标考核“以奖代补”资金', 'VAGUE_TARGET', '13个乡镇和30个县直部门信访工作责任目标、深化“五无”乡镇(社区)、“无访”部门、“无访”村创建活动'],
  ['002', '2020年度信访工作责任目标考核“以奖代补”资金', 'VAGUE_TARGET', '进一步推动是要解决、维护群众合法权益,确保社会和谐稳定'],
  // ── 003 沙坡头区 2025 targets ──────────────────────────────────────────────
  // lines 17, 94–103: 49.5万元 vs 3.5 + 25.8 + 10 + 3 = 42.3万元
  ['003', '政府专项工作经费', 'COST_SHORT_OF_BUDGET', null],
  // lines 135, 157: 有效提升, 长期
  ['003', '政府专项工作经费', 'VAGUE_TARGET', '为上级政府和沙坡头政府提供及时、准确、全面的信息服务'],
  ['003', '政府专项工作经费', 'VAGUE_TARGET', '提升沙坡头区各单位工作效率'],
  // lines 189, 249–261: 63万元 vs 5 + 10 + 10 + 20 = 45万元
  ['003', '督查及政务公开工作经费', 'COST_SHORT_OF_BUDGET', null],
  // lines 279, 297: 有效促进, 持续提升
  ['003', '督查及政务公开工作经费', 'VAGUE_TARGET', '促进沙坡头区各部门、单位高效完成工作'],
  ['003', '督查及政务公开工作经费', 'VAGUE_TARGET', '提升沙坡头区政务公开工作水平'],
  // lines 400, 421: 有效保障, 长期
  ['003', '沙坡头区电子政务外网建设及运行维护费', 'VAGUE_TARGET', '保障沙坡头区电子政务外网畅通使用情况'],
  ['003', '沙坡头区电子政务外网建设及运行维护费', 'VAGUE_TARGET', '确保沙坡头区电子政务外网畅通、政务信息及时传递'],
  // line 532: 长期
  ['003', '2025年年鉴编纂工作经费', 'VAGUE_TARGET', '保存沙坡头区2022年发展'],
  // ── 004 中卫市 2024 self-evaluations ───────────────────────────────────────
  // table 一 line 10: 117.23 ÷ 117.23 = 100% but printed 58.62% (= 117.23 ÷ 年初预算数 200)
  ['004', '政府专项工作经费', 'EXEC_RATE_MISMATCH', null],
  // line 10: score 5.86 follows the wrong rate; 100% × 10 = 10
  ['004', '政府专项工作经费', 'EXEC_SCORE_MISMATCH', null],
  // line 17: score 4.5 above weight 3
  ['004', '政府专项工作经费', 'INDICATOR_SCORE_OVER_WEIGHT', '外出公务交通费、住宿费、伙食补助费'],
  // line 30: total 86.34; 5.86 + (4.5+2.5+1.5+10+10+1.5+2.7+1.78+10+10+10+10+10 = 84.48) = 90.34
  ['004', '政府专项工作经费', 'TOTAL_SCORE_MISMATCH', null],
  // lines 17–19: 60人 / 90.03%, 60人 / 35.66%, 11人 / 74.9%
  ['004', '政府专项工作经费', 'UNIT_MISMATCH', '外出公务交通费、住宿费、伙食补助费'],
  ['004', '政府专项工作经费', 'UNIT_MISMATCH', '办公费、印刷费、邮电费、劳务费等费用'],
  ['004', '政府专项工作经费', 'UNIT_MISMATCH', '应急值班人员数'],
  // line 28: 长期
  ['004', '政府专项工作经费', 'VAGUE_TARGET', '持续保障市政府各项工作高效有序运转,为政务服务能力稳定提升奠定基础。'],
  // table 二 line 39 (row shifted one cell right): 年初 8, 全年 4, 执行 4, 分值 10, 执行率 50%, 得分 5
  ['004', '《政府公报》创办费', 'EXEC_RATE_MISMATCH', null],
  ['004', '《政府公报》创办费', 'EXEC_SCORE_MISMATCH', null],
  // line 54: 长期
  ['004', '《政府公报》创办费', 'VAGUE_TARGET', '保障人民群众的知情权、表达权、参与权和监督权,建立服务型政府。'],
  // table 三 line 79: 长期
  ['004', '行政中心互联网电路服务费', 'VAGUE_TARGET', '长期保障行政中心各部门互联网使用需求,为政务数字化转型(如线上办公)提供稳定网络基础。'],
  // table 四 line 90: rate 100%, weight 10, score 2.95 (= 3.24 ÷ 年初预算数 11 × 10)
  ['004', '政府网站和政务新媒体监测', 'EXEC_SCORE_MISMATCH', null],
  // line 107: total 94.1; 2.95 + (5+5+10+10+2.95+10+10+10+10+10 = 82.95) = 85.9
  ['004', '政府网站和政务新媒体监测', 'TOTAL_SCORE_MISMATCH', null],
  // line 97: 1个 / 1次
  ['004', '政府网站和政务新媒体监测', 'UNIT_MISMATCH', '政府门户网站'],
  // line 105: 长期
  ['004', '政府网站和政务新媒体监测', 'VAGUE_TARGET', '保障人民群众的知情权、表达权、参与权和监督权,为服务型政府建设提供可持续的信息公开与互动渠道。'],
];

/** NO_TARGET per project: 石嘴山 rows without a comparator phrase in the name (本指标不适用 rows excluded). */
const NO_TARGET_COUNTS: Record<string, number> = {
  // lines 24–39: 16 rows, 2 本指标不适用, 7 with 不少于/不高于/达到…以上 → 7
  '001 重点工作专项督查组工作经费': 7,
  // lines 51–63: 13 rows, 2 本指标不适用, 1 with 达到 80% → 10
  '001 石嘴山市人民政府网站群和政务新媒体平台动态监测费': 10,
  // lines 75–92: 18 rows, 2 本指标不适用, 1 with 达到80% → 15
  '001 石嘴山市人民政府网运行维护及升级改造费': 15,
  // lines 104–112: 9 rows, 2 本指标不适用, 1 with 满意度≥90% → 6
  '001 异地交流任职和挂职领导工作经费': 6,
  // lines 124–136: 13 rows, 2 本指标不适用, 不超过50页 and 达到80% → 9
  '001 《石嘴山市政府公报》编印费': 9,
  // lines 148–186: 38 rows (line 170 blank), 2 本指标不适用, 3 with 达到 90% / 80% → 33
  '001 各项业务经费（含政府总值班室、保密档案管理、政策解读及日常工作经费）': 33,
  // line 142: 成本指标 label in the 三级 column, 政府公报印刷 with no value
  '002 政务公开工作经费': 1,
  // line 196: row shifted right, no value
  '002 2020年度信访工作责任目标考核“以奖代补”资金': 1,
};

describe.skipIf(!present)('audit of data/records (confirmed against data/sources)', () => {
  // The flags below were confirmed against the five Ningxia documents (000–004); the other
  // documents' records are audited like any others, but are not part of this confirmed list.
  const records = present
    ? loadRecords(DIR).records.filter((r) => /^00[0-4]_/.test(r.source.file))
    : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  const flags = auditRecords(records);
  const row = (f: Flag): Row => {
    const r = byId.get(f.projectId)!;
    return [r.source.file.slice(0, 3), f.project, f.check, f.indicatorIndex === null ? null : r.indicators[f.indicatorIndex].name];
  };
  const key = (x: Row) => x.join(' | ');

  it('has the records of the five documents, as many as their golden files', () => {
    const golden = readdirSync(path.resolve('tests/golden')).filter((n) => /^00[0-4]_.*\.expected\.json$/.test(n));
    expect(golden).toHaveLength(5);
    const expected = golden.reduce((n, g) => n + JSON.parse(readFileSync(path.resolve('tests/golden', g), 'utf8')).length, 0);
    expect(records).toHaveLength(expected);
  });

  it('finds exactly the confirmed flags (all checks but NO_TARGET)', () => {
    const actual = flags.filter((f) => f.check !== 'NO_TARGET').map(row).map(key).sort();
    expect(actual).toEqual(EXPECTED.map(key).sort());
  });

  it('finds NO_TARGET only where the source row states no target', () => {
    const counts: Record<string, number> = {};
    for (const f of flags.filter((x) => x.check === 'NO_TARGET')) {
      const [file, project] = row(f);
      counts[`${file} ${project}`] = (counts[`${file} ${project}`] ?? 0) + 1;
    }
    expect(counts).toEqual(NO_TARGET_COUNTS);
    const names = flags.filter((x) => x.check === 'NO_TARGET').map((f) => row(f)[3]);
    expect(names).toContain('有力推动市政府工作报告重点任务落实'); // 001 line 28
    expect(names).toContain('政府公报印刷'); // 002 line 142
  });

  it('shows the arithmetic of the 中卫 errors', () => {
    const find = (project: string, check: string) => flags.find((f) => f.project === project && f.check === check && byId.get(f.projectId)!.source.file.startsWith('004'))!;
    const rate = find('政府专项工作经费', 'EXEC_RATE_MISMATCH');
    expect(rate.figures).toMatchObject({ reportedRate: 0.5862, computedRate: 1, executed: 1172300, adjustedBudget: 1172300, initialBudget: 2000000 });
    expect(rate.message).toContain('117.23 万元 ÷ 200 万元 = 58.62%');
    const over = find('政府专项工作经费', 'INDICATOR_SCORE_OVER_WEIGHT');
    expect(over.figures).toMatchObject({ score: 4.5, weight: 3 });
    expect(over.field).toBe(`indicators[${over.indicatorIndex}].score`);
    const total = find('政府专项工作经费', 'TOTAL_SCORE_MISMATCH');
    expect(total.figures.totalScore).toBe(86.34);
    expect(total.figures.computedTotal).toBeCloseTo(90.34, 6);
    const score4 = find('政府网站和政务新媒体监测', 'EXEC_SCORE_MISMATCH');
    expect(score4.figures).toMatchObject({ score: 2.95, expectedScore: 10, rate: 1, weight: 10 });
    expect(score4.message).toContain('疑按年初预算数计分');
    const total4 = find('政府网站和政务新媒体监测', 'TOTAL_SCORE_MISMATCH');
    expect(total4.figures.computedTotal).toBeCloseTo(85.9, 6);
  });

  it('does not flag what the sources get right', () => {
    const has = (file: string, project: string, check: string) => flags.some((f) => f.check === check && f.project === project && byId.get(f.projectId)!.source.file.startsWith(file));
    // 004 table 三: 8.4 / 8.4 / 8.4, 100%, 10, 10; total 100 — no arithmetic flag
    for (const c of ['EXEC_RATE_MISMATCH', 'EXEC_SCORE_MISMATCH', 'TOTAL_SCORE_MISMATCH', 'WEIGHT_SUM_NOT_100']) expect(has('004', '行政中心互联网电路服务费', c)).toBe(false);
    // 004 table 四: 3.24 / 3.24 = 100% printed 100% — the rate is right, only the score is wrong
    expect(has('004', '政府网站和政务新媒体监测', 'EXEC_RATE_MISMATCH')).toBe(false);
    // 004 table 四 line 101: 3.24 ÷ 11 × 10 = 2.945 → 2.95 follows the rule
    expect(has('004', '政府网站和政务新媒体监测', 'INDICATOR_SCORE_RULE')).toBe(false);
    // 000 政府聘用人员: cost ≤ amounts sum to 778838 元 < 778850.24 元, upper bounds → no cost flag
    expect(has('000', '政府聘用人员', 'COST_SHORT_OF_BUDGET')).toBe(false);
    // 000 电子政务: eight cost amounts sum to exactly 1028万元
    expect(has('000', '银川市电子政务信息化运维项目保障', 'COST_EXCEEDS_BUDGET')).toBe(false);
    // 001: the weight columns of the six applicable tables each add up to 100
    expect(flags.some((f) => f.check === 'WEIGHT_SUM_NOT_100')).toBe(false);
  });
});
