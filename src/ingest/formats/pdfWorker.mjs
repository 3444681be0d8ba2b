// PDF.js in a worker thread (src/ingest/formats/pdf.ts starts it): a damaged PDF
// can make PDF.js reject promises nobody awaits, or loop; here that ends this
// thread, never the importer, and the importer stops a read that takes too long.
// Posts, per page, the text items and the operators that draw paths and images.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const strays = [];
process.on('unhandledRejection', (e) => strays.push(`${e?.name ?? 'Error'}: ${e?.message ?? e}`));

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('pdfjs-dist/package.json'));

async function main() {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { OPS } = pdfjs;
  const keep = new Set([
    OPS.save, OPS.restore, OPS.transform, OPS.constructPath, OPS.endPath, OPS.paintFormXObjectBegin, OPS.paintFormXObjectEnd,
    OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObject,
  ]);
  const task = pdfjs.getDocument({
    data: workerData.bytes,
    cMapUrl: path.join(dist, 'cmaps') + path.sep, // CJK character maps, for PDFs whose Chinese fonts are not embedded
    cMapPacked: true,
    standardFontDataUrl: path.join(dist, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    return { error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } };
  }
  const pages = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = content.items.filter((it) => 'str' in it && it.str !== '').map((it) => ({ str: it.str, transform: it.transform, width: it.width, height: it.height }));
      const list = await page.getOperatorList();
      const fnArray = [];
      const argsArray = [];
      list.fnArray.forEach((fn, i) => {
        if (!keep.has(fn)) return;
        fnArray.push(fn);
        argsArray.push(fn === OPS.constructPath ? [list.argsArray[i][0], Array.from(list.argsArray[i][1])] : fn === OPS.transform ? list.argsArray[i] : fn === OPS.paintFormXObjectBegin ? [list.argsArray[i]?.[0] ?? null] : null);
      });
      pages.push({ items, fnArray, argsArray });
      page.cleanup();
    }
  } catch (e) {
    return { error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } };
  } finally {
    await doc.destroy().catch(() => {});
  }
  return { pages, ops: OPS };
}

const result = await main().catch((e) => ({ error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } }));
// Let rejections PDF.js left behind surface before answering: a damaged file is reported as damaged.
await new Promise((resolve) => setTimeout(resolve, 20));
parentPort.postMessage({ ...result, strays });
