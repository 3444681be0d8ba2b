/**
 * DOCX (a Word document): converted to HTML by mammoth, which keeps a merged
 * cell's w:vMerge and w:gridSpan as rowspan and colspan, then read by the HTML
 * table reader (every table expanded to a grid, one row per line; every
 * paragraph outside tables one line, an empty paragraph a blank line).
 * Locators: { table, row } for table rows, { paragraph } for the rest, in the
 * order of the document's body.
 */
import mammoth from 'mammoth';
import { IngestError } from '../errors.ts';
import { renderHtml } from './html.ts';
import type { RenderedDocument } from './types.ts';

export async function renderDocx(bytes: Uint8Array, file: string): Promise<RenderedDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        ignoreEmptyParagraphs: false,
        // Images are not read: an empty src instead of the image inlined as base64.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (e) {
    throw new IngestError('INGEST_CORRUPT_FILE', file, null, `the Word document cannot be opened (${(e as Error).message.split('\n')[0]}): download it again from the publisher`);
  }
  return { ...renderHtml(html, { emptyParagraphs: true }), format: 'docx' };
}
