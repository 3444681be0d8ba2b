/**
 * The record format: one JSON record per published table (one project).
 *
 * This file is the single definition of a record. The importer validates what
 * it writes with it, the site's content collection validates what it reads
 * with it, and the downloads and docs (docs/data-format.md) describe it.
 * Field names are a public contract: add fields, never rename them.
 *
 * Money is always in yuan (元), as a JSON number exact to the fen: amounts
 * published in 万元 are converted by decimal shifting, never by floating-point
 * multiplication (see src/ingest/amount.ts).
 */
import { z } from 'zod';
import { CategoryAssignment } from '../categories/schema.ts';

/**
 * Bounds on numbers. Records are untrusted input: JSON can hold 1e400
 * (read as Infinity) or 0.001 yuan, which no table prints and which would turn
 * into "Infinity%" or a division by zero fen downstream.
 */
/** Largest amount, in yuan: 10 万亿 (1e13), more than any project's budget, and small enough that every fen is an exact integer in a double. */
export const MAX_YUAN = 1e13;
/** Largest magnitude of any other number (a target of 1 千万亿 is already absurd). */
export const MAX_NUMBER = 1e15;
/** Largest weight or score, in points (tables use 100). */
export const MAX_POINTS = 10_000;

/** An amount in yuan: finite, 0 … MAX_YUAN, exact to the fen (at most two decimals). */
export const Yuan = z
  .number()
  .finite()
  .min(0, 'an amount cannot be negative')
  .max(MAX_YUAN, `an amount above ${MAX_YUAN} yuan is not credible`)
  // The double nearest to a two-decimal number survives toFixed(2); 0.001 does not.
  .refine((x) => Number(x.toFixed(2)) === x, 'an amount must be exact to the fen (at most two decimals)');

/** A weight or score in points: finite, within ±MAX_POINTS. */
export const Points = z.number().finite().min(-MAX_POINTS).max(MAX_POINTS);

/** Any other number: finite, within ±MAX_NUMBER. */
export const FiniteNumber = z.number().finite().min(-MAX_NUMBER).max(MAX_NUMBER);

/** A party named in the table: a department or an implementing unit. */
export const Party = z.object({
  /** Name as published, whitespace tidied, without its code prefix. */
  name: z.string().min(1),
  /** Budget code printed with the name, such as "003" from 【003】; null when none is printed. */
  code: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const Jurisdiction = z.object({
  /** Standard name from the national administrative codes, e.g. 石嘴山市; as stated when no code is known. */
  name: z.string().nullable(),
  /** Six-digit GB/T 2260 code (e.g. "640200"), or null when the place is not identified. */
  code: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const Comparator = z.enum(['≥', '≤', '>', '<', '=', '≈', 'range']);
export type Comparator = z.infer<typeof Comparator>;

/**
 * A target (指标值) or an actual (实际完成值): the published text and its reading.
 * `raw` is always the text as published; the other fields are null when the
 * text does not state them.
 */
export const Value = z.object({
  /** The cell text as published (trimmed). */
  raw: z.string().min(1),
  /** Comparator: ≥ (不少于, 以上), ≤ (不超过, 以内), > (余, 多), <, = (a bare number), ≈ (约, 左右), range (1-12月); null when qualitative. */
  op: Comparator.nullable(),
  /** The number with 万/亿 applied (0.82万册 → 8200, ≤6.94万元 → 69400), percentages in percent (95% → 95); the lower bound of a range. */
  value: FiniteNumber.nullable(),
  /** Upper bound of a range (1-12月 → 12), otherwise null. */
  upper: FiniteNumber.nullable(),
  /** Unit as published, with 万元 read as 元 after the conversion (元/年, 件, %, 个月); null when none is printed. */
  unit: z.string().nullable(),
  /** A date the value names, ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" (2025年12月底前 → "2025-12" with op ≤); null otherwise. */
  date: z.string().nullable(),
  /** True when the text states no number to measure against (有所提升, 长期, 无, 合格, ≥良). */
  qualitative: z.boolean(),
  /** True when the value was read from the indicator's name because the table's value column holds weights (石嘴山 layout). */
  fromName: z.boolean(),
});
export type Value = z.infer<typeof Value>;

export const Level1 = z.enum(['产出指标', '效益指标', '满意度指标', '成本指标']);
export type Level1 = z.infer<typeof Level1>;
export const Level2 = z.enum([
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
]);
export type Level2 = z.infer<typeof Level2>;

/** One 三级 indicator row. */
export const Indicator = z.object({
  /** Canonical 一级 label, or null when the published label is not a valid 一级 level. */
  level1: Level1.nullable(),
  /** Canonical 二级 label, or null when the published label is not a valid 二级 level (e.g. 产出指标 in the 二级 column). */
  level2: Level2.nullable(),
  /** 一级 label as published (e.g. "1-产出指标", "产出 指标 (40分)"), inherited from the merged cell above; null when none. */
  level1Raw: z.string().nullable(),
  /** 二级 label as published (e.g. "11-数量指标", "数量指标(必填硬性指标)"); null when none. */
  level2Raw: z.string().nullable(),
  /** 三级 indicator name as published, whitespace tidied, numbering prefix (指标1：) removed. */
  name: z.string().min(1),
  /** Target value (指标值 / 年度指标值); null when the row states none. */
  target: Value.nullable(),
  /** Weight (分值 / the weight column), in points; null when none is printed. */
  weight: Points.nullable(),
  /** Self-evaluation: actual value (实际完成值); null for target tables or when not printed. */
  actual: Value.nullable(),
  /** Self-evaluation: score (得分) in points as printed; null otherwise. */
  score: Points.nullable(),
  /** Self-evaluation: reason for shortfall (未完成原因分析) as published; null when blank. */
  shortfallReason: z.string().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/** One funding row of a self-evaluation's budget block (其中:当年财政拨款, 上年结转资金, 其他资金). Yuan. */
export const FundingRow = z.object({
  /** Row label as published, tidied. */
  label: z.string(),
  initialBudget: Yuan.nullable(),
  adjustedBudget: Yuan.nullable(),
  executed: Yuan.nullable(),
});
export type FundingRow = z.infer<typeof FundingRow>;

/** Self-evaluation budget block (项目资金), row 年度资金总额. Amounts in yuan. */
export const Execution = z.object({
  /** 年初预算数: budget at the start of the year, yuan. */
  initialBudget: Yuan.nullable(),
  /** 全年预算数: adjusted budget for the year, yuan. */
  adjustedBudget: Yuan.nullable(),
  /** 全年执行数: amount executed (spent), yuan. */
  executed: Yuan.nullable(),
  /** 执行率 as printed, as a fraction (58.62% → 0.5862); null when not printed. */
  reportedRate: z.number().finite().min(0).max(MAX_POINTS).nullable(),
  /** 分值 of the execution-rate item, points. */
  weight: Points.nullable(),
  /** 得分 of the execution-rate item, points, as printed. */
  score: Points.nullable(),
  /** The 其中 rows under 年度资金总额, as published. */
  funding: z.array(FundingRow),
});
export type Execution = z.infer<typeof Execution>;

export const Budget = z.object({
  /** Annual amount in yuan (年度资金总额 / 项目年度金额; for a self-evaluation 全年预算数); null when not printed. */
  total: Yuan.nullable(),
  /** Of which fiscal appropriation (财政拨款), yuan; null when not printed. */
  fiscal: Yuan.nullable(),
  /** Of which other funds (其他资金), yuan; null when not printed or blank. */
  other: Yuan.nullable(),
});
export type Budget = z.infer<typeof Budget>;

export const UnparsedLine = z.object({
  /** 1-based line number in the source file. */
  line: z.number().int().positive(),
  /** The line's text as published (trailing whitespace removed). */
  text: z.string(),
});

const Position = z.number().int().positive().max(10_000_000);

/**
 * Where one line of a rendered source document is in the published file
 * (src/ingest/formats/types.ts), 1-based: a table row of an HTML page or Word
 * document, a paragraph outside tables, a row of a worksheet (named as in the
 * workbook, numbered as the spreadsheet shows it), a line of a PDF page.
 */
export const Locator = z.union([
  z.object({ table: Position, row: Position }).strict(),
  z.object({ paragraph: Position }).strict(),
  z.object({ sheet: z.string().min(1).max(200), row: Position }).strict(),
  z.object({ page: Position, line: Position }).strict(),
]);
export type Locator = z.infer<typeof Locator>;

/** What a locator counts in (table, sheet, page or the paragraphs) and its position there. */
export function locatorPlace(l: Locator): { within: string; at: number } {
  if ('table' in l) return { within: `table ${l.table}`, at: l.row };
  if ('sheet' in l) return { within: `sheet ${l.sheet}`, at: l.row };
  if ('page' in l) return { within: `page ${l.page}`, at: l.line };
  return { within: 'paragraphs', at: l.paragraph };
}

/**
 * A run of consecutive rendered lines `lines[0]`…`lines[1]` that are
 * consecutive rows (paragraphs, lines) of one table (sheet, page): line
 * `lines[0] + k` is at `first` moved on by k; `last` is where `lines[1]` is.
 */
export const LocatorRun = z
  .object({
    lines: z.tuple([Position, Position]),
    first: Locator,
    last: Locator,
  })
  .strict()
  .superRefine((run, ctx) => {
    const a = locatorPlace(run.first);
    const b = locatorPlace(run.last);
    if (a.within !== b.within) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `first and last are in different places (${a.within}, ${b.within})` });
    else if (b.at - a.at !== run.lines[1] - run.lines[0] || run.lines[1] < run.lines[0])
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `lines ${run.lines[0]}–${run.lines[1]} are not as many as the positions ${a.at}–${b.at}` });
  });
export type LocatorRun = z.infer<typeof LocatorRun>;

/**
 * A file name inside data/sources/. Records are untrusted input and the build
 * reads the file they name, so anything that could leave the folder (a
 * separator, "..", a leading dot, control characters) is refused.
 */
export const SourceFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\.\u0000-\u001f\u007f][^/\\\u0000-\u001f\u007f]*$/, 'must be a file name inside data/sources/ (no folders, no leading dot)');

export const Kind = z.enum(['target', 'self-evaluation']);
export type Kind = z.infer<typeof Kind>;

export const ProjectRecord = z.object({
  /** Stable id: `<GB/T 2260 code or x>-<year or x>-<target|selfeval>-<8 hex of sha256(jurisdiction|year|kind|name)>`. */
  id: z.string().regex(/^[0-9x]+-[0-9x]+-(target|selfeval)-[0-9a-f]{8}$/),
  /** "target" for a 绩效目标表, "self-evaluation" for a 绩效自评表. */
  kind: Kind,
  /** The budget year the table is for; null when neither the text nor the metadata states it. */
  year: z.number().int().min(1949).max(2100).nullable(),
  /** Project name (项目名称) as published, whitespace tidied. */
  name: z.string().min(1),
  /** Title line printed above the table, e.g. 银川市本级部门项目支出绩效目标表; null when none. */
  title: z.string().nullable(),
  jurisdiction: Jurisdiction,
  /** 主管部门 (supervising department); null when not printed. */
  department: Party.nullable(),
  /** 实施单位 (implementing unit); null when not printed. */
  implementingUnit: Party.nullable(),
  /** 项目属性 as published (e.g. "0101-一年期项目", "延续性项目"); null when not printed. */
  projectType: z.string().nullable(),
  /** 项目期 / 项目期限 as published (e.g. "1年", "2021-2021"); null when not printed. */
  projectPeriod: z.string().nullable(),
  /** 资金主管处室 / 项目主管处室 as published; null when not printed. */
  managingOffice: z.string().nullable(),
  budget: Budget,
  /** 年度总体目标 as published (wrapped lines joined; numbered 目标N items on their own lines); "" when blank. */
  goal: z.string(),
  /** Self-evaluation: 实际完成情况 (what was achieved) as published; null for target tables. */
  outcome: z.string().nullable(),
  indicators: z.array(Indicator),
  /** Category of work, assigned by the rules in src/categories/ or data/categories.overrides.json (docs/categories.md). */
  category: CategoryAssignment,
  /** Self-evaluation only: the budget block; null for target tables. */
  execution: Execution.nullable(),
  /** Self-evaluation only: 总分 (total score) as printed; null otherwise. */
  totalScore: Points.nullable(),
  /** Self-evaluation only: the weight printed on the 总分 row (usually 100); null otherwise. */
  totalWeight: Points.nullable(),
  source: z
    .object({
    /** File name of the source document in data/sources/: a name, never a path (no slash or backslash, no leading dot). */
    file: SourceFileName,
    /** First and last line (1-based, inclusive) of the document that belong to this record. */
    lines: z.tuple([z.number().int().positive().max(10_000_000), z.number().int().positive().max(10_000_000)]),
    /**
     * Where those lines are in the published file, for a source that is not plain
     * text (.html, .docx, .xlsx, .pdf): runs of consecutive lines, in order,
     * covering `lines`. Absent for a .txt source (its lines are the file's own).
     */
    locators: z.array(LocatorRun).min(1).max(100_000).optional(),
  })
    .superRefine((source, ctx) => {
      if (!source.locators) return;
      let next = source.lines[0];
      for (const run of source.locators) {
        if (run.lines[0] !== next) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['locators'], message: `a run starts at line ${run.lines[0]}, not at ${next}: the runs must cover lines ${source.lines[0]}–${source.lines[1]} in order` });
          return;
        }
        next = run.lines[1] + 1;
      }
      if (next !== source.lines[1] + 1) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['locators'], message: `the runs end at line ${next - 1}, not at ${source.lines[1]}` });
    }),
  /** Every non-blank source line of this record's span that did not become a field, nor table structure (headers, empty template rows). */
  unparsed: z.array(UnparsedLine),
});
export type ProjectRecord = z.infer<typeof ProjectRecord>;

/** Metadata file beside each source document: data/sources/<name>.meta.json. */
export const SourceMeta = z.object({
  jurisdiction: z.object({
    name: z.string(),
    code: z.string().regex(/^\d{6}$/),
    level: z.enum(['province', 'city', 'county']),
    parent: z.object({ name: z.string(), code: z.string().regex(/^\d{6}$/) }).nullable(),
  }),
  /** The publishing department (发布单位). */
  publisher: z.string(),
  year: z.number().int(),
  kind: Kind,
  /** Publication date stated in the document (ISO date), or null. */
  publishedDate: z.string().nullable(),
  /** Original web address, or null when not known (never invented). */
  url: z.string().url().nullable(),
  /** Free-text note on where the copy came from. */
  note: z.string().optional(),
  /**
   * SHA-256 (hex) of the source file beside this metadata file, as kept in
   * data/sources/ (the published file itself when it is kept as downloaded),
   * so that a reader can check the copy against the publisher's site.
   */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type SourceMeta = z.infer<typeof SourceMeta>;
