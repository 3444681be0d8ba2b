/**
 * Nothing lost: every non-blank source line belongs to a record's span and
 * ends in a field of that record, is table vocabulary (labels, headers,
 * template rows), or is listed in `unparsed`. The check reads the lines'
 * text, independently of the parser's bookkeeping.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectRecord } from '../../src/schema/record.ts';
import { parseMoney, parsePercentFraction } from '../../src/ingest/amount.ts';
import { compact } from '../../src/domain/text.ts';
import { isParenthetical, readLabelRun } from '../../src/ingest/levels.ts';
import { ingestSource, ingestText, readSource, sourceFiles } from './helpers.ts';

// Words of the table templates: they carry no data of the record.
const VOCABULARY =
  /^(项目名称|主管部门(及代码)?|实施单位|项目属性|项目期(限)?|资金主管处\(科、股\)室|项目主管处室|项目年度金额(\((万)?元\))?|项目资金(\((万)?元\)|（万元）)?|年度资金总额|其中[:：](当年)?财政拨款|其中|上级资金|上年结转资金|其他资金|(项目)?年度(总体)?(绩效)?目标|年度总体|目标|总体目标|预期目标|实际完成情况|年度|绩效指标|名称|[一二三]级(绩效)?指标|绩效内容|绩效值|指标值|年度指标值|实际完成值|分值|得分|执行率|年初预算数|全年预算数|全年执行数|未完成原因分析|总分|单位[:：]万元|（万元）|[（(]\d{4}年度?[)）]|—|……|指标\d+[：:]|[绩效指标]|（选填）|（必填）|及编码|项目起止时间|资金总额|当年资金总额|当年其他资金|中期目标|年度目标|资金情况|资金情况\((万)?元\)|\((万)?元\)|项目负责人及电话|项目主管部门|项目执行单位|指标内容|单位名称|预算数|指标性质|度量单位|权重|指标方向性|正向指标|金额单位[:：]元|公开14表|偏差原因分析及改进措施|[二三]级指标\((长期|年度)\)|指标值\((长期|年度)\)|年度总体目标|年度总体目标完成情况|备注|\d{4}年度?\)|[|]+|—+)$/;

// Template words that can start a glued cell (项目名称农村…, 产出指标数量指标…).
const PREFIXES = [':上级资金', '：上级资金', '上级资金', '项目名称', '项目主管部门', '项目执行单位', '年度资金总额:', '年度资金总额', '总体目标', '年度目标', '绩效指标', '一级指标', '二级指标', '指标内容', '指标值', '产出指标', '效益指标', '满意度指标', '数量指标', '质量指标', '时效指标', '成本指标', '可持续影响指标', '社会公众或服务对象满意度指标'];

/** A glued line: what is left after removing every text of the record and the template words must be nothing. */
function gluedAccounted(line: string, r: { text: string }): boolean {
  let c = compact(line);
  const strings = [...new Set(r.text.split('\u0001'))].filter((x) => x.length >= 2).sort((a, b) => b.length - a.length);
  for (const x of [...strings, ...PREFIXES]) c = c.split(x).join('');
  return c.replace(/[:：]/g, '') === '';
}

function recordText(r: ProjectRecord): { text: string; numbers: Set<number> } {
  const strings: string[] = [];
  const numbers = new Set<number>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(compact(v));
    else if (typeof v === 'number') numbers.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const { source: _s, unparsed: _u, ...fields } = r;
  walk(fields);
  return { text: strings.join('\u0001'), numbers };
}

function accounted(cell: string, r: { text: string; numbers: Set<number> }): boolean {
  let c = compact(cell).replace(/^(指标|目标)\d+[：:]/, '').replace(/[:：]$/, '');
  const code = /^[【[](\w+)[】\]]/.exec(c) ?? /^(\d+)[-－](?=\D)/.exec(c);
  if (code && r.text.includes(code[1])) c = c.slice(code[0].length);
  if (c === '' || VOCABULARY.test(c) || readLabelRun(c) || isParenthetical(c)) return true;
  if (r.text.includes(c)) return true;
  // Glued cells: peel template words off the front, then the rest must be in the record.
  for (const p of PREFIXES) if (c.startsWith(p) && c.length > p.length && accounted(c.slice(p.length), r)) return true;
  for (const unit of ['元', '万元'] as const) {
    const v = parseMoney(c, unit);
    if (typeof v === 'number' && r.numbers.has(v)) return true;
  }
  const p = parsePercentFraction(c);
  if (typeof p === 'number' && r.numbers.has(p)) return true;
  return /^\d+(\.\d+)?$/.test(c) && r.numbers.has(Number(c));
}

describe('no source line is lost', () => {
  for (const file of sourceFiles) {
    it(file, () => {
      const { text } = readSource(file);
      const lines = text.split(/\r\n|\r|\n/);
      const { records, report } = ingestSource(file);
      // Lines of a cut-off table are reported with the table (code, file, lines), not in a record.
      const omitted = report.omitted.map((o) => /lines (\d+)–(\d+)/.exec(o.message)).filter((m) => m !== null);
      const lost: string[] = [];
      lines.forEach((line, i) => {
        const n = i + 1;
        if (line.trim() === '' || /^[\s|｜]+$/.test(line)) return;
        const r = records.find((x) => x.source.lines[0] <= n && n <= x.source.lines[1]);
        if (!r && omitted.some((m) => Number(m[1]) <= n && n <= Number(m[2]))) return;
        if (!r) return void lost.push(`${n}: outside every record: ${line}`);
        if (r.unparsed.some((u) => u.line === n)) return;
        const content = recordText(r);
        const piped = (line.match(/[|｜]/g)?.length ?? 0) >= 2;
        if (!line.includes('\t') && !piped && (accounted(line, content) || gluedAccounted(line, content))) return;
        const cells = line.includes('\t') ? line.split('\t') : piped ? line.split(/[|｜]/) : line.trim().split(/\s+/);
        const missing = cells.filter((c) => !accounted(c, content));
        if (missing.length > 0) lost.push(`${n}: ${missing.join(' | ')}`);
      });
      expect(lost).toEqual([]);
    });
  }

  it('lists what it could not read, with line numbers (the cover letter of 001)', () => {
    const first = ingestSource('001_0a5d8a87461ba45a.txt').records[0];
    expect(first.unparsed.map((u) => u.line)).toEqual([3, 5, 7, 9, 11, 12]);
    expect(first.unparsed[5].text).toBe('2024 年 2 月 5 日');
  });

  it('a line the importer cannot place ends in unparsed, not in silence', () => {
    const { text } = readSource('000_bd5493f012e3b752.txt');
    const lines = text.split('\n');
    lines.splice(11, 0, '备注\t本表数据以批复为准');
    const [first] = ingestText(lines.join('\n')).records;
    expect(first.unparsed).toContainEqual({ line: 12, text: '备注\t本表数据以批复为准' });
  });
});
