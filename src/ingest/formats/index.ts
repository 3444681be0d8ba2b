/**
 * From a published file's bytes to the text the table grammar reads: the
 * dispatch by file extension and magic bytes. .txt is read as it is; .html/.htm
 * through the HTML table reader; .docx through mammoth and the HTML table
 * reader; .xlsx through exceljs. Other formats fail with a coded error that
 * says what to do (src/ingest/errors.ts).
 *
 * Adding a format: a reader module returning a RenderedDocument (types.ts),
 * one branch below, its extension in READ_EXTENSIONS.
 */
import path from 'node:path';
import { decodeText } from '../document.ts';
import { IngestError } from '../errors.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './pdf.ts';
import { renderXlsx } from './xlsx.ts';
import type { RenderedDocument } from './types.ts';

export type { Format, Locator, RenderedDocument } from './types.ts';

/** The extensions `npm run ingest` reads from data/sources/. */
export const READ_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.xlsx', '.pdf'];

/** Source files that are not text: shown on the site through their reader, offered for download as they are. */
export const BINARY_EXTENSIONS = ['.docx', '.xlsx', '.pdf'];

const startsWith = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE compound file: .doc/.xls, or an encrypted .docx/.xlsx
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const IMAGES = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]]; // PNG, JPEG, GIF, TIFF
const ARCHIVES = [[0x52, 0x61, 0x72, 0x21], [0x37, 0x7a, 0xbc, 0xaf], [0x1f, 0x8b]]; // RAR, 7z, gzip
/** Formats the offices publish in that are recognised by name but not read. */
const UNREAD_EXTENSIONS = ['.rtf', '.wps', '.et', '.odt', '.ods', '.ofd', '.png', '.jpg', '.jpeg', '.rar', '.7z', '.zip'];

/** "EncryptionInfo" in UTF-16LE: the stream an encrypted Office file carries in its compound file. */
function hasEncryptionInfo(b: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(needle);
}

export async function renderFile(bytes: Uint8Array, file: string): Promise<RenderedDocument> {
  const ext = path.extname(file).toLowerCase();
  if (bytes.length === 0) throw new IngestError('INGEST_EMPTY_FILE', file, 1, 'the file is empty');
  const office = ext === '.docx' || ext === '.xlsx' || ext === '.doc' || ext === '.xls';
  if (startsWith(bytes, CFB)) {
    if (hasEncryptionInfo(bytes)) throw new IngestError('INGEST_ENCRYPTED', file, null, 'the Office file is password-protected: ask the publisher for an open copy, or open it with the password and save it without one');
    throw new IngestError('INGEST_UNSUPPORTED_FORMAT', file, null, 'an old binary Office file (.doc/.xls): open it and save it as .docx or .xlsx, then import that file');
  }
  if (isPdf(bytes, file)) {
    checkPdf(bytes, file);
    return renderPdf(bytes, file);
  }
  if (office || startsWith(bytes, ZIP)) {
    if (!startsWith(bytes, ZIP)) throw new IngestError('INGEST_CORRUPT_FILE', file, null, `named ${ext} but is not a ZIP archive as Office files are: download it again from the publisher`);
    if (ext === '.docx') return renderDocx(bytes, file);
    if (ext === '.xlsx') return renderXlsx(bytes, file);
    throw new IngestError('INGEST_UNSUPPORTED_FORMAT', file, null, `${ext || 'a ZIP archive'} is not read: the importer reads ${READ_EXTENSIONS.join(', ')}; save the table as one of these (an archive: unpack it first)`);
  }
  if (ext === '.html' || ext === '.htm') {
    const html = decodeText(bytes, file);
    return renderHtml(html);
  }
  const image = IMAGES.some((m) => startsWith(bytes, m));
  if (image || UNREAD_EXTENSIONS.includes(ext) || ARCHIVES.some((m) => startsWith(bytes, m)))
    throw new IngestError(
      'INGEST_UNSUPPORTED_FORMAT',
      file,
      null,
      `${image ? 'an image' : `"${ext}"`} is not read: the importer reads ${READ_EXTENSIONS.join(', ')}; ${image ? 'run OCR on it, or find the HTML/Word copy' : 'save the table as one of these (an archive: unpack it first)'}`,
    );
  // Anything else is read as text (a copy under another name); binary data fails as INGEST_BINARY.
  return { format: 'txt', text: decodeText(bytes, file), locators: [] };
}

// ---- PDF (src/ingest/formats/pdf.ts) ----

const isPdf = (bytes: Uint8Array, file: string) => startsWith(bytes, PDF) || path.extname(file).toLowerCase() === '.pdf';

/**
 * What is refused before PDF.js opens the file: not a PDF. An encrypted PDF (/Encrypt)
 * goes on to PDF.js, which opens it when it has no password to open it (an owner
 * password only, restricting editing or printing) and asks for one otherwise
 * (PasswordException: INGEST_ENCRYPTED, src/ingest/formats/pdf.ts).
 */
function checkPdf(bytes: Uint8Array, file: string): void {
  if (!startsWith(bytes, PDF)) throw new IngestError('INGEST_CORRUPT_FILE', file, null, 'named .pdf but does not start as a PDF: download it again from the publisher');
}
