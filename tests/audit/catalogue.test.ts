import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditRecord, auditRecords, CHECKS, RULE_CODES } from '../../src/audit/checks';
import { selfEvalRecord, targetRecord } from './helpers';

describe('CHECKS catalogue', () => {
  it('has unique codes, each produced by a rule, and each rule code catalogued', () => {
    const catalogued = CHECKS.map((c) => c.code);
    expect(new Set(catalogued).size).toBe(catalogued.length);
    expect([...RULE_CODES].sort()).toEqual([...catalogued].sort());
  });

  it('gives every check a Chinese title and explanation, an English line and a basis', () => {
    for (const c of CHECKS) {
      expect(c.code).toMatch(/^[A-Z0-9_]+$/);
      expect(['error', 'warning', 'info']).toContain(c.severity);
      expect(c.title).toMatch(/[\u4e00-\u9fff]/u);
      expect(c.explanation).toMatch(/[\u4e00-\u9fff]/u);
      expect(c.english).toMatch(/[a-z]/);
      if (c.isHeuristic) expect(c.basis).toMatch(/经验规则|heuristic/);
      else expect(c.basis).toMatch(/财预〔20\d\d〕\d+号|表内勾稽/);
    }
  });

  it('grounds the scoring checks in 财预〔2020〕10号 and the target checks in 财预〔2021〕101号', () => {
    const basis = (code: string) => CHECKS.find((c) => c.code === code)!.basis;
    expect(basis('EXEC_RATE_MISMATCH')).toContain('财预〔2020〕10号');
    expect(basis('INDICATOR_SCORE_RULE')).toContain('财预〔2020〕10号');
    expect(basis('VAGUE_TARGET')).toContain('财预〔2021〕101号');
  });
});

describe('auditRecord', () => {
  it('finds nothing in a clean target table and a clean self-evaluation', () => {
    expect(auditRecord(targetRecord())).toEqual([]);
    expect(auditRecord(selfEvalRecord())).toEqual([]);
  });

  it('fills every flag field and keeps record order in auditRecords', () => {
    const a = selfEvalRecord({ totalScore: 90 });
    const b = targetRecord({ indicators: [] });
    const flags = auditRecords([a, b]);
    expect(flags.map((f) => [f.projectId, f.check])).toEqual([
      [a.id, 'TOTAL_SCORE_MISMATCH'],
      [b.id, 'NO_INDICATORS'],
    ]);
    for (const f of flags) {
      expect(Object.keys(f).sort()).toEqual(['check', 'field', 'figures', 'indicatorIndex', 'message', 'project', 'projectId', 'severity']);
      expect(f.project).toBe('测试项目');
    }
  });
});

describe('docs/methodology.md', () => {
  it('explains every check', () => {
    const doc = readFileSync('docs/methodology.md', 'utf8');
    for (const c of CHECKS) expect(doc, c.code).toMatch(new RegExp(`#### ${c.code} .*— ${c.severity}`));
  });
});
