/**
 * The zip of an .xlsx file, checked and tidied before exceljs reads it.
 *
 * exceljs 4.4 finds the parts of a sheet only under the names and relative paths it writes itself.
 * Other programs name them otherwise: openpyxl keeps cell notes in `xl/comments/comment1.xml` and
 * points to them with an absolute path (`/xl/comments/comment1.xml`); exceljs then looks the notes
 * up under `../comments1.xml`, finds nothing, and fails with "Cannot read properties of undefined
 * (reading 'comments')" — so any workbook with a note, once saved by openpyxl, could not be read.
 * The importers read cell values, formats and merges only, so here:
 *   - the links of each sheet to its notes and their drawing (legacy VML) are dropped (the parts
 *     stay in the zip, unused);
 *   - other links of a sheet or drawing written as absolute paths become relative, as exceljs
 *     expects (tables, pictures, hyperlinks).
 * A file needing neither is passed on unchanged. A file that is no zip, a damaged zip or part (every
 * part is inflated and its checksum checked), an old .xls, an OpenDocument sheet or a zip without a
 * workbook gets its own message instead of exceljs's.
 */
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { type Result, fail, issue, ok } from '../../../shared/util/issue.ts';

/** Uncompressed size of all parts together above which a workbook is refused (a zip bomb, not a survey). */
const MiB = 1024 * 1024;
export const MAX_XLSX_BYTES = 256 * MiB;

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from('PK');
const OPENDOCUMENT_SHEET = 'application/vnd.oasis.opendocument.spreadsheet';

/** Relationship types (transitional and strict) whose links of a sheet are dropped. */
const DROPPED_TYPE = /\/(comments|vmlDrawing)$/;

type Entry = { name: string; entry: yauzl.Entry };

function nameOf(e: yauzl.Entry): string {
  const raw: unknown = e.fileName;
  const s = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
  return s.replace(/\\/g, '/').replace(/^\/+/, '');
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function collect(zip: yazl.ZipFile): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * A relationships part as exceljs can resolve it, or undefined when it needs no change. `partDir` is
 * the folder of the part the links belong to (`xl/worksheets` for `xl/worksheets/_rels/sheet1.xml.rels`).
 */
export function tidyRels(xml: string, partDir: string, isSheet: boolean): string | undefined {
  let changed = false;
  const out = xml.replace(/<Relationship\b[^>]*?(?:\/>|>\s*<\/Relationship\s*>)/g, (tag) => {
    const type = attr(tag, 'Type') ?? '';
    if (isSheet && DROPPED_TYPE.test(type)) {
      changed = true;
      return '';
    }
    const target = attr(tag, 'Target');
    if (target === undefined || !target.startsWith('/') || attr(tag, 'TargetMode') === 'External') return tag;
    changed = true;
    const relative = posix.relative(`/${partDir}`, target);
    return tag.replace(/(\sTarget\s*=\s*)(?:"[^"]*"|'[^']*')/, (_m, lead: string) => `${lead}"${relative}"`);
  });
  return changed ? out : undefined;
}

/** The relationships part of a sheet or drawing: its folder, and whether it belongs to a sheet. */
function relsOwner(name: string): { dir: string; isSheet: boolean } | undefined {
  const m = /^(xl\/(?:worksheets|drawings))\/_rels\/[^/]+\.rels$/i.exec(name);
  if (!m) return undefined;
  const dir = m[1] ?? '';
  return { dir, isSheet: /worksheets$/i.test(dir) };
}

/**
 * Checks the zip of an .xlsx file and returns the bytes exceljs is to read: the file itself, or a
 * copy with the links exceljs cannot resolve tidied (see above).
 */
export async function prepareXlsx(buf: Buffer, file: string): Promise<Result<Buffer>> {
  if (buf.length === 0) return fail([issue('ximport.file.empty', { file })]);
  if (buf.subarray(0, OLE2.length).equals(OLE2)) return fail([issue('ximport.file.legacy_xls', { file })]);
  if (!buf.subarray(0, 2).equals(ZIP)) return fail([issue('ximport.file.not_zip', { file })]);

  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch {
    return fail([issue('ximport.file.damaged', { file })]);
  }
  try {
    const entries: Entry[] = [];
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push({ name: nameOf(entry), entry });
        total += entry.uncompressedSize;
      }
    } catch {
      return fail([issue('ximport.file.damaged', { file })]);
    }
    const names = new Set(entries.map((e) => e.name.toLowerCase()));
    if (!names.has('xl/workbook.xml')) {
      const mime = entries.find((e) => e.name === 'mimetype');
      let isOds = false;
      try {
        isOds = mime !== undefined && (await readAll(await zip.openReadStreamPromise(mime.entry))).toString('utf8').trim() === OPENDOCUMENT_SHEET;
      } catch {
        // A damaged mimetype entry: told as a zip that is no workbook.
      }
      return fail([issue(isOds ? 'ximport.file.opendocument' : 'ximport.file.not_workbook', { file })]);
    }
    if (total > MAX_XLSX_BYTES) return fail([issue('ximport.file.too_large', { file }, { size: Math.ceil(total / MiB), max: MAX_XLSX_BYTES / MiB })]);

    // Every part is inflated and its checksum checked here, so that a damaged part is told as such
    // (exceljs would fail on it with a bare "invalid distance" or "crc32 mismatch").
    const parts = new Map<string, Buffer>();
    try {
      for (const e of entries) {
        if (e.name.endsWith('/')) continue;
        const data = await readAll(await zip.openReadStreamPromise(e.entry));
        if (crc32(data) !== e.entry.crc32) return fail([issue('ximport.file.damaged', { file })]);
        parts.set(e.name, data);
      }
    } catch {
      return fail([issue('ximport.file.damaged', { file })]);
    }

    let changed = false;
    for (const [name, data] of parts) {
      const owner = relsOwner(name);
      if (!owner) continue;
      const tidy = tidyRels(data.toString('utf8'), owner.dir, owner.isSheet);
      if (tidy === undefined) continue;
      parts.set(name, Buffer.from(tidy, 'utf8'));
      changed = true;
    }
    if (!changed) return ok(buf);
    const copy = new yazl.ZipFile();
    // Stored, not deflated: the copy lives in memory only, for exceljs to read at once.
    for (const [name, data] of parts) copy.addBuffer(data, name, { compress: false });
    return ok(await collect(copy));
  } finally {
    zip.close();
  }
}
