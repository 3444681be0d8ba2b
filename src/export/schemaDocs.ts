/**
 * Column descriptions from the doc comments of the zod schemas
 * (src/schema/record.ts, src/categories/schema.ts), read with the TypeScript
 * compiler API so the downloads are described in the schema's own words.
 * Pure: takes source text, returns path → description.
 */
import ts from 'typescript';

interface Prop {
  doc: string | null;
  /** Name of the schema constant the property refers to (Jurisdiction, Value.nullable(), z.array(Indicator)). */
  ref: string | null;
  /** Inline z.object({...}) */
  inline: Map<string, Prop> | null;
}

function jsDoc(node: ts.Node, sf: ts.SourceFile): string | null {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  const docs = ranges
    .map((r) => sf.text.slice(r.pos, r.end))
    .filter((t) => t.startsWith('/**'))
    .map((t) =>
      t
        .replace(/^\/\*\*|\*\/$/g, '')
        .split('\n')
        .map((l) => l.replace(/^\s*\*\s?/, '').trim())
        .filter(Boolean)
        .join(' '),
    );
  return docs.length ? docs[docs.length - 1] : null;
}

/** The z.object({...}) literal inside an expression such as z.object({..}).nullable(), if any. */
function objectLiteralOf(expr: ts.Expression): ts.ObjectLiteralExpression | null {
  let e: ts.Expression = expr;
  while (ts.isCallExpression(e)) {
    const callee = e.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'object' && e.arguments[0] && ts.isObjectLiteralExpression(e.arguments[0])) {
      return e.arguments[0];
    }
    if (ts.isPropertyAccessExpression(callee)) e = callee.expression;
    else break;
  }
  return null;
}

/** The schema constant an expression refers to: Jurisdiction, Value.nullable(), z.array(Indicator), z.tuple(...) → null. */
function refOf(expr: ts.Expression): string | null {
  let e: ts.Expression = expr;
  for (;;) {
    if (ts.isIdentifier(e)) return e.text === 'z' ? null : e.text;
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'z') {
        if (callee.name.text === 'array' && e.arguments[0]) {
          e = e.arguments[0];
          continue;
        }
        return null;
      }
      if (ts.isPropertyAccessExpression(callee)) {
        e = callee.expression;
        continue;
      }
    }
    return null;
  }
}

function props(obj: ts.ObjectLiteralExpression, sf: ts.SourceFile): Map<string, Prop> {
  const out = new Map<string, Prop>();
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : null;
    if (!name) continue;
    const lit = objectLiteralOf(p.initializer);
    out.set(name, { doc: jsDoc(p, sf), ref: lit ? null : refOf(p.initializer), inline: lit ? props(lit, sf) : null });
  }
  return out;
}

export interface SchemaDocs {
  /** Description of a dotted path from a root constant, e.g. get('ProjectRecord', 'indicators.target.raw'). */
  describe(root: string, path: string): string | null;
  /** Names of the schema constants found. */
  constants: string[];
}

/** Parse one or more schema source files. */
export function readSchemaDocs(...sources: { fileName: string; text: string }[]): SchemaDocs {
  const consts = new Map<string, { doc: string | null; props: Map<string, Prop> }>();
  for (const { fileName, text } of sources) {
    const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        const lit = objectLiteralOf(d.initializer);
        if (lit) consts.set(d.name.text, { doc: jsDoc(st, sf), props: props(lit, sf) });
      }
    }
  }
  function describe(root: string, path: string): string | null {
    const segs = path.split('.').filter((s) => !/^\d+$/.test(s));
    let cur: Map<string, Prop> | undefined = consts.get(root)?.props;
    const parts: string[] = [];
    for (let i = 0; i < segs.length; i++) {
      const p = cur?.get(segs[i]);
      if (!p) return null;
      const last = i === segs.length - 1;
      if (last) {
        if (p.doc) parts.push(p.doc);
        else if (p.ref && consts.get(p.ref)?.doc) parts.push(consts.get(p.ref)!.doc!);
      } else if (p.doc) {
        parts.push(p.doc);
      }
      cur = p.inline ?? (p.ref ? consts.get(p.ref)?.props : undefined);
    }
    return parts.length ? parts.join(' — ') : null;
  }
  return { describe, constants: [...consts.keys()] };
}
