/**
 * Workbooks no spreadsheet program writes, built byte by byte (a zip written here, not by exceljs,
 * so that building a 100,000-row sheet or a 400 MiB bomb takes a moment and little memory): for the
 * limit tests and bench/xlsx-limits.ts.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's text or bytes, deflated here. */
  data?: string | Buffer;
  /** Or the deflated bytes already, with the size and CRC to declare. */
  raw?: { deflated: Buffer; size: number; crc: number };
}

/** A zip of the parts (deflated; sizes and CRCs as given, so a part can lie about its size). */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    let deflated: Buffer;
    let size: number;
    let crc: number;
    if (p.raw) ({ deflated, size, crc } = p.raw);
    else {
      const data = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : (p.data ?? Buffer.alloc(0));
      deflated = deflateRawSync(data);
      size = data.length;
      crc = crc32(data);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The parts around one sheet (named `sheet`) of an .xlsx. */
export function workbookParts(sheetXml: string | ZipPart['raw'], sheet = 'Sheet1', extra: ZipPart[] = []): ZipPart[] {
  const sheetPart: ZipPart = typeof sheetXml === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: sheetXml } : { name: 'xl/worksheets/sheet1.xml', raw: sheetXml };
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    sheetPart,
    ...extra,
  ];
}

const cell = (ref: string, v: string | number) =>
  typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;

function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A sheet's XML from rows (row 1 first); `dimension` is written as given (none by default). */
export function sheetXml(rows: readonly (readonly (string | number)[])[], opts: { dimension?: string } = {}): string {
  const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(`${columnName(c + 1)}${i + 1}`, v)).join('')}</row>`).join('');
  const dim = opts.dimension ? `<dimension ref="${opts.dimension}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dim}<sheetData>${body}</sheetData></worksheet>`;
}

/** An agency list of `n` agencies (code, name, group) under its header, as a province could type it. */
export function agencyListXlsx(n: number, opts: { dimension?: boolean } = {}): Buffer {
  const rows: (string | number)[][] = [['Mã', 'Tên cơ quan, đơn vị', 'Nhóm']];
  for (let i = 1; i <= n; i++) rows.push([`X${String(i).padStart(6, '0')}`, `Ủy ban nhân dân xã số ${i}`, 'xã']);
  return zipOf(workbookParts(sheetXml(rows, opts.dimension ? { dimension: `A1:C${n + 1}` } : {}), 'Danh sách'));
}

/**
 * A workbook whose sheet inflates to `mib` MiB of blank rows from a few hundred kilobytes. With
 * `declare: 'honest'` the central directory says so; with `'lie'` it claims 1 KiB.
 */
export function zipBombXlsx(mib: number, declare: 'honest' | 'lie'): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const filler = Buffer.alloc(1024 * 1024, ' ');
  const tail = Buffer.from('</sheetData></worksheet>');
  // Each piece is deflated on its own and flushed without ending the stream, so the megabyte of
  // spaces is deflated once and its bytes repeated: no 400 MiB is ever held here.
  const piece = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const spaces = piece(filler);
  let crc = crc32(head);
  for (let i = 0; i < mib; i++) crc = crc32(filler, crc);
  crc = crc32(tail, crc);
  const size = head.length + mib * filler.length + tail.length;
  const deflated = Buffer.concat([piece(head), ...Array.from({ length: mib }, () => spaces), deflateRawSync(tail)]);
  return zipOf(workbookParts({ deflated, size: declare === 'honest' ? size : 1024, crc }));
}
