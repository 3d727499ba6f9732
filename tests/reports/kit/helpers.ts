/** Reading report workbooks back for the report tests: exceljs, openpyxl (Debian's python3) and the raw XML. */
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { type OpenpyxlCell, columnLetters, openpyxlCount, readOpenpyxlBook } from '../openpyxl.ts';

export { openpyxlCount };

export type PyCell = Omit<OpenpyxlCell, 'v' | 'merged'> & { v: string | number | boolean };
export interface PySheet {
  maxRow: number;
  freeze: string | null;
  printTitleRows: string | null;
  paperSize: number | null;
  orientation: string | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean;
  margins: { left: number; right: number; top: number; bottom: number };
  footer: string | null;
  merged: string[];
  outline: Record<string, number>;
  /** The cells that hold a value, by address ("B7"). */
  cells: Record<string, PyCell>;
}
export interface PyBook {
  sheets: string[];
  data: Record<string, PySheet>;
}

/** openpyxl's reading, each sheet's non-empty cells by address. */
export function openpyxlDump(file: string): PyBook {
  const book = readOpenpyxlBook(file);
  const data: Record<string, PySheet> = {};
  for (const { name, rows, widths: _widths, ...setup } of book.sheets) {
    const cells: Record<string, PyCell> = {};
    rows.forEach((row, r) =>
      row.forEach(({ v, merged: _merged, ...rest }, c) => {
        if (v !== null) cells[`${columnLetters(c + 1)}${r + 1}`] = { v, ...rest };
      }),
    );
    data[name] = { maxRow: rows.length, ...setup, cells };
  }
  return { sheets: book.sheets.map((s) => s.name), data };
}

/** The text of every worksheet part of an xlsx file. */
export async function worksheetXml(file: string): Promise<string[]> {
  const buf = readFileSync(file);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const parts: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            parts.push(Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
