/**
 * Types of the audit module: the flags it produces and the catalogue of checks.
 * Pure types; no I/O.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Numbers (and a few labels) a flag was computed from, for display beside it. */
export type Figures = Record<string, number | string | null>;

/** One finding of one check on one record. Field names are a public contract (the site reads them). */
export interface Flag {
  /** ProjectRecord.id */
  projectId: string;
  /** ProjectRecord.name */
  project: string;
  /** Check code, e.g. EXEC_RATE_MISMATCH (see CHECKS). */
  check: string;
  severity: Severity;
  /** Chinese, with the arithmetic shown. */
  message: string;
  /** The numbers used. Money in yuan; rates as fractions (0.5862). */
  figures: Figures;
  /** 0-based index into record.indicators of the indicator the flag concerns, or null. */
  indicatorIndex: number | null;
  /** The record field the flag concerns, e.g. "execution.reportedRate", "indicators[3].score"; null for the record as a whole. */
  field: string | null;
}

export type CheckGroup = 'execution' | 'scores' | 'weights' | 'budget' | 'levels' | 'targets';

/** An entry of the catalogue shown on the methodology page. */
export interface CheckInfo {
  code: string;
  severity: Severity;
  group: CheckGroup;
  /** Short Chinese title. */
  title: string;
  /** Chinese explanation: what is compared, with which tolerance. */
  explanation: string;
  /** One line of English. */
  english: string;
  /** The official document the check rests on, or 经验规则 (heuristic). */
  basis: string;
  isHeuristic: boolean;
}
