/** Reading report workbooks back for the report tests: exceljs, openpyxl (Debian's python3) and the raw XML. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

export const PYTHON = '/usr/bin/python3';
const DUMP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dump_xlsx.py');

export interface PyCell {
  v: string | number | boolean;
  t: string;
  date: boolean;
  font: string | null;
  size: number | null;
  bold: boolean;
  italic: boolean;
  fmt: string;
  wrap: boolean;
  link: string | null;
}
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
  cells: Record<string, PyCell>;
}
export interface PyBook {
  sheets: string[];
  data: Record<string, PySheet>;
}

export function openpyxlDump(file: string): PyBook {
  return JSON.parse(execFileSync(PYTHON, [DUMP, file], { encoding: 'utf8', maxBuffer: 1 << 30 })) as PyBook;
}

/** Rows and formula cells per sheet, read in openpyxl's read-only mode (for big files). */
export function openpyxlCount(file: string): Record<string, { rows: number; formulas: number }> {
  return JSON.parse(execFileSync(PYTHON, [DUMP, file, '--count'], { encoding: 'utf8', maxBuffer: 1 << 26 })) as Record<
    string,
    { rows: number; formulas: number }
  >;
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
