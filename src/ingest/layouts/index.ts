/**
 * The registry of layout readers. Each reader says how sure it is that it
 * reads a document (0–1); the most certain one reads it. Adding a layout:
 * one module here (a LayoutReader), one entry in READERS, one fixture in
 * tests/ingest/fixtures/ with its test (tests/ingest/grammar.test.ts shows a
 * reader added from outside: parseDocument takes the readers to choose from).
 */
import { glued } from './glued.ts';
import { htmlLinear } from './htmlLinear.ts';
import { cellPerLinePipe } from './cellPerLinePipe.ts';
import { delimited } from './delimited.ts';
import { paragraphs } from './paragraphs.ts';
import { pdfLines } from './pdfLines.ts';
import type { LayoutReader } from './types.ts';

export type { LayoutReader, Row } from './types.ts';

/** In order of preference when two readers are equally sure. */
export const READERS: LayoutReader[] = [glued, htmlLinear, cellPerLinePipe, delimited, paragraphs, pdfLines];

export interface Detection {
  reader: LayoutReader;
  confidence: number;
  scores: { name: string; confidence: number }[];
}

/** The reader most sure of the document, among `readers` (the registry unless told). */
export function detectLayout(lines: string[], readers: readonly LayoutReader[] = READERS): Detection {
  const scores = readers.map((r) => ({ reader: r, confidence: r.detect(lines) }));
  // Nothing recognised: read cells line by line as well as possible (the table grammar decides).
  if (scores.every((s) => s.confidence === 0)) scores.push({ reader: delimited, confidence: 0.1 });
  const best = scores.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  return { reader: best.reader, confidence: best.confidence, scores: scores.map((s) => ({ name: s.reader.name, confidence: s.confidence })) };
}
