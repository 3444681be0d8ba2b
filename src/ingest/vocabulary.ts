/**
 * The tables' vocabulary, declared once as data: header field labels and
 * their synonyms, indicator-table column roles, goal sub-headers, qualitative
 * target phrases, page furniture. The layout readers (src/ingest/layouts/)
 * and the table grammar (src/ingest/grammar/) read text through these lists;
 * adding a synonym seen in a new document means adding one entry here.
 * The indicator level names (一级 / 二级) are in src/ingest/levels.ts.
 * Pure data and small pure functions only.
 */
import { compact } from '../domain/text.ts';

// ---------------------------------------------------------------------------
// Header fields of a table (label → record field)

export type FieldKey =
  | 'name'
  | 'department'
  | 'implementingUnit'
  | 'projectType'
  | 'projectPeriod'
  | 'managingOffice'
  | 'total'
  | 'money'
  | 'fiscal'
  | 'carryOver'
  | 'other'
  | 'goal'
  /** A printed field the record has no place for (项目负责人及电话): its line stays in `unparsed`. */
  | 'ignored';

/** Label as printed (compact form, half-width brackets and colon) → field. Longest match wins. */
export const FIELD_LABELS: [FieldKey, string][] = [
  ['name', '项目名称'],
  ['name', '项目支出名称'],
  ['department', '主管部门及代码'],
  ['department', '主管部门及编码'],
  ['department', '主管部门(单位)'],
  ['department', '项目主管部门'],
  ['department', '主管部门'],
  ['department', '主管单位'],
  ['department', '预算部门'],
  ['implementingUnit', '实施单位及代码'],
  ['implementingUnit', '项目执行单位'],
  ['implementingUnit', '实施单位'],
  ['projectType', '项目属性'],
  ['projectType', '项目类型'],
  ['projectPeriod', '项目起止时间'],
  ['projectPeriod', '项目期限'],
  ['projectPeriod', '项目周期'],
  ['projectPeriod', '项目期'],
  ['managingOffice', '资金主管处(科、股)室'],
  ['managingOffice', '资金主管处室'],
  ['managingOffice', '项目主管处室'],
  ['managingOffice', '主管处室'],
  ['total', '项目年度金额(元)'],
  ['total', '项目年度金额(万元)'],
  ['total', '项目年度金额'],
  ['total', '年度本级预算金额'],
  ['total', '年度资金总额'],
  ['total', '当年资金总额'],
  ['total', '年度金额'],
  ['total', '资金总额'],
  ['money', '项目资金(万元)'],
  ['money', '项目资金(元)'],
  ['money', '项目资金'],
  ['money', '资金情况(万元)'],
  ['money', '资金情况(元)'],
  ['money', '资金情况'],
  ['fiscal', '其中:当年财政拨款'],
  ['fiscal', '其中:财政拨款'],
  ['fiscal', '当年财政拨款'],
  ['fiscal', '财政拨款'],
  // Funds from a higher-level government (上级资金, transfer payments) are fiscal funds: the record's
  // `fiscal` is 财政拨款 of any level of government, as opposed to 其他资金 (see docs/data-format.md).
  ['fiscal', '其中:上级资金'],
  ['fiscal', '上级资金'],
  ['fiscal', '其中:上级财政资金'],
  ['fiscal', '上级财政资金'],
  ['carryOver', '上年结转资金'],
  ['carryOver', '上年结转'],
  ['other', '当年其他资金'],
  ['other', '其他资金'],
  ['goal', '项目年度绩效目标'],
  ['goal', '年度总体绩效目标'],
  ['goal', '年度总体目标'],
  ['goal', '年度绩效目标'],
  ['goal', '总体目标'],
  ['ignored', '项目负责人及电话'],
  ['ignored', '项目负责人'],
];

/**
 * Sub-headers printed after 总体目标 (总体目标 | 中期目标 | 年度目标): the texts that
 * follow belong to them in order; only 年度目标 is the record's goal.
 */
export const GOAL_SUBHEADERS: [string, 'goal' | 'other'][] = [
  ['年度目标', 'goal'],
  ['中期目标', 'other'],
  ['长期目标', 'other'],
  ['中长期目标', 'other'],
  ['年度总体目标完成情况', 'other'],
  ['实际完成情况', 'other'],
];

export function goalSubheader(cell: string): 'goal' | 'other' | null {
  const c = compact(cell);
  return GOAL_SUBHEADERS.find(([w]) => w === c)?.[1] ?? null;
}

// ---------------------------------------------------------------------------
// Tables and their blocks

/** The field rows of a self-evaluation's budget block (年度资金总额, 其中:财政拨款, 上年结转资金, 其他资金). */
export const BUDGET_ROW_FIELDS: FieldKey[] = ['total', 'fiscal', 'carryOver', 'other'];

/** The row that starts a table: its 项目名称 label. */
export const TABLE_START = /^(项目名称|项目支出名称)/;
/** The kind of a table, from the words of its title. */
export const KIND_WORDS: [RegExp, 'self-evaluation' | 'target'][] = [
  [/自评/, 'self-evaluation'],
  [/目标/, 'target'],
];
/** A year stated in a document's title or cover letter (2024 年项目支出预算绩效目标). */
export const DOCUMENT_YEAR = /(\d{4})\s*年度?\s*[^\d\t]{0,24}(绩效|预算|自评)/;
/** A self-evaluation's goal block header (预期目标 | 实际完成情况): all must match. */
export const GOAL_OUTCOME_HEADER = [/预期目标/, /实际完成/];
export const GOAL_LABEL_CELL = /^(年度)?总体目标$/;
/** A self-evaluation's budget block header (年初预算数 | 全年预算数 | …): all must match. */
export const BUDGET_HEADER = [/年初预算/, /全年预算/];
/** Budget block header cell → execution field, first match wins. */
export const BUDGET_COLUMNS: [RegExp, 'initialBudget' | 'adjustedBudget' | 'executed' | 'reportedRate' | 'weight' | 'score'][] = [
  [/年初预算/, 'initialBudget'],
  [/全年预算/, 'adjustedBudget'],
  [/执行数|全年执行/, 'executed'],
  [/执行率/, 'reportedRate'],
  [/分值/, 'weight'],
  [/得分/, 'score'],
];
/** The 总分 row of a self-evaluation, and its label cell. */
export const TOTAL_ROW = /^总分/;
export const TOTAL_LABEL = /^总\s*分$/;
/** A label marking an amount as the year's (当年资金总额, 年度资金总额), preferred to the project's life total. */
export const ANNUAL_AMOUNT_LABEL = /当年|年度/;
/** A party printed with its code in brackets (【123001】某某局). */
export const CODED_PARTY = /^[【[]\s*([0-9A-Za-z]+)\s*[】\]]\s*(.*)$/;
/** A party printed with its code before a dash (820-马踏镇部门), as list tables print it. */
export const LIST_PARTY = /^(\d{2,12})\s*[-－]\s*(.+)$/;
/**
 * The rows a complete table ends with: 一级 满意度指标, or 二级 服务对象满意度指标 under any 一级
 * (older tables print it under 效益指标). A document's last table without them is cut off.
 */
export const SATISFACTION_LEVELS = { level1: '满意度指标', level2: '服务对象满意度指标' } as const;

// ---------------------------------------------------------------------------
// Indicator table columns

/** A header row of an indicator table (its words in order, compact). */
export const INDICATOR_HEADER = /一级(绩效)?指标.*二级(绩效)?指标|二级(绩效)?指标.*三级(绩效)?指标|三级指标.*(指标值|绩效值)|绩效内容.*绩效值/;
/** The group column's cell (绩效指标 / 名称 printed before the 一级 label). */
export const GROUP_CELL = /^(绩效指标|名称)$/;
/** A 绩效指标 cell above the indicator table: the table starts. */
export const INDICATORS_CELL = '绩效指标';
/** The word that ends a level label wrapped over two cells (经济效益 / 指标). */
export const LABEL_END_WORD = '指标';

export type Role =
  | 'group'
  | 'l1'
  | 'l2'
  | 'name'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason'
  | 'nature'
  | 'unit'
  /** A column whose cells are vocabulary carried elsewhere: 指标方向性 (the comparator carries it). */
  | 'ignore'
  /**
   * A long-term column (二级指标(长期), 长期指标值, 中长期目标): never read as the annual value; the
   * record has no field for it, so a long-term cell with text leaves its line in `unparsed`.
   */
  | 'longTerm'
  | 'other';

/** Column roles that hold no value of an indicator (the value columns are the others after the name). */
export const NON_VALUE_ROLES: readonly Role[] = ['group', 'l1', 'l2', 'name', 'other', 'longTerm'];

/** Header cell → column role, first match wins. */
export const COLUMN_ROLES: [RegExp, Role][] = [
  [/长期/, 'longTerm'],
  [/^(名称|绩效指标)$/, 'group'],
  [/一级(绩效)?指标/, 'l1'],
  [/二级(绩效)?指标/, 'l2'],
  [/三级(绩效)?指标|绩效内容|指标内容|指标名称/, 'name'],
  [/未完成原因|原因分析|偏差原因|原因说明/, 'reason'],
  [/实际完成值|实际值|完成值|实际完成情况|全年实际值/, 'actual'],
  [/得分/, 'score'],
  [/分值|权重/, 'weight'],
  [/指标性质/, 'nature'],
  [/度量单位|计量单位/, 'unit'],
  [/指标方向/, 'ignore'],
  [/指标值|绩效值|目标值|预期值|年度目标/, 'target'],
];

/**
 * A multi-project list table's project columns (src/ingest/grammar/listTable.ts), printed before the
 * indicator columns (which take COLUMN_ROLES): 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | …
 */
export type ProjectRole = 'unit' | 'project' | 'amount' | 'goal';
export const LIST_PROJECT_COLUMNS: [RegExp, ProjectRole][] = [
  [/^(单位名称|预算单位|部门名称)$/, 'unit'],
  [/^(项目名称|项目支出名称)$/, 'project'],
  [/^(预算数|预算金额|年度本级预算金额|项目金额|资金总额)/, 'amount'],
  [/^(年度目标|年度绩效目标|项目年度目标|绩效目标)$/, 'goal'],
];

/** The project column a list table's header cell names, or null. */
export function projectRole(cell: string): ProjectRole | null {
  const c = compact(cell);
  return LIST_PROJECT_COLUMNS.find(([re]) => re.test(c))?.[1] ?? null;
}

export function columnRole(cell: string): Role | null {
  const c = compact(cell);
  if (c === '') return null;
  for (const [re, role] of COLUMN_ROLES) if (re.test(c)) return role;
  return 'other';
}

/** A column header printed alone on its line (one cell per line), with an optional (年度)/(长期) qualifier or 长期 prefix. */
export const HEADER_WORD =
  /^(长期|中长期|年度)?((一级|二级|三级)(绩效)?指标|指标值(及单位)?|绩效值|年度指标值|目标值|实际完成值|全年实际值|实际值|分值|权重|得分|未完成原因分析|偏差原因分析(及改进措施)?|指标性质|度量单位|计量单位|绩效内容|指标内容|指标名称)([(（](长期|中长期|年度)[)）])?$/;

/** A 指标性质 cell: a comparator (full-width and odd forms included) or 定性 / 定量. */
export const NATURE_CELL = /^([≥≤≧≦═=<>＜＞＝]|>=|<=|定性|定量)$/;
/** A 度量单位 cell: %, or a short unit (人次, 元/亩). */
export const UNIT_CELL = /^(%|％|[^\d\s≥≤≧≦═=<>]{1,3}(\/[^\d\s]{1,3})?)$/;

/** 指标性质 values that are not comparators; 定性 makes the target qualitative. */
export const NATURE_NOT_COMPARATOR = /定性|定量|正向|反向/;
export const NATURE_QUALITATIVE = /定性/;

/** Values of the 指标方向性 column: vocabulary, carried by the comparator. */
export const DIRECTION_WORDS = /^(正向指标|反向指标|正向|反向)$/;

// ---------------------------------------------------------------------------
// Lines around the tables

export const TITLE = /绩效.{0,8}表/;
export const YEAR_LINE = /^[（(]\s*(\d{4})\s*年度?\s*[)）]$/;
/** Before a table's name: a year line whose bracket was lost in the copy (2020年度)). */
export const YEAR_LINE_LOOSE = /^[（(]?\s*(\d{4})\s*年度?\s*[)）]?$/;
/** The year in a table's title (2024年度项目支出绩效目标表). */
export const YEAR_IN_TITLE = /(\d{4})\s*年/;
/** 单位：万元, 金额单位:元, (万元) on its own line. */
export const UNIT_LINE = /^(?:(?:金额)?单位\s*[:：]\s*(亿元|万元|元)|[（(](亿元|万元|元)[)）])$/;
export const ITEM_PREFIX = /^(?:指标|目标)\s*\d+\s*[：:.、]\s*/;
export const INDICATOR_PREFIX = /^指标\s*\d+\s*[：:.、]\s*/;
export const PLACEHOLDER = /^(?:指标\s*\d+\s*[：:]?|[…．.。·\-—]+)$/;
/** A row of remarks inside a table (其他需要说明事项 | 无): not an indicator. */
export const NOTE_ROW = /^(其他需要说明的?事项|备注|说明)$/;
/** A table number printed in the first cell of a row (云南 公开14表). */
export const TABLE_NUMBER = /^公开\d+表$/;

/**
 * Page furniture and notes: never table content. A line that is one of these
 * (compact form) stays in `unparsed` and is never read as an indicator.
 */
export const FURNITURE: RegExp[] = [
  /^第\d+页(共\d+页)?$/,
  /^共\d+页第\d+页$/,
  /^[-—–]\d+[-—–]$/,
  /^\d+\/\d+$/,
  /^附件\d*[:：]?.{0,40}$/,
  /^(联系人|联系电话|电话|联系方式|经办人|填报人|审核人|负责人)([:：]|\d)/,
  /^扫一扫/,
  /^\[下载\]|^\[打印\]|^\[关闭\]/,
  /^.{0,30}意见[(（]盖章[)）]$/,
  /^(单位负责人|财务负责人|制表人)[:：]/,
  /^注[:：]/,
  /^(发布时间|发布日期|来源|浏览量|归档时间|字号)[:：]/,
  /^(索引号\d|发布机构)/,
  /^标题.*文号$/,
];

export function isFurniture(text: string): boolean {
  const c = compact(text);
  return c !== '' && FURNITURE.some((re) => re.test(c));
}

// ---------------------------------------------------------------------------
// Values

/**
 * Qualitative targets that a glued row can end with (义务教育优质均衡发展情况稳步提高):
 * the words that split a name from its value when no separator is printed.
 */
export const QUALITATIVE_TARGETS = [
  '稳步提高',
  '稳步提升',
  '有所提升',
  '有所提高',
  '持续改善',
  '巩固提高',
  '明显提升',
  '明显改善',
  '逐步提高',
  '显著提升',
  '长期',
  '有效',
  '达标',
  '合格',
  '良好',
];
