// The floor for the same work, with no logic, on one thread: read the same submission files (the
// cheapest way Node has, readFileSync, as ParScore's workers read them) and JSON-parse their
// payload (inflated from where it lies in the zip, located beforehand, and decoded as ParScore
// decodes text), then stream the same rows the scoreboard and ranking workbooks hold (read back
// beforehand, untimed) into workbooks with exceljs's streaming writer, without styles, layout or
// checks.
// Prints one JSON line: { read, stream } each { ms, peakRssMiB }.
//   node --expose-gc --import tsx bench/national/floor.ts <dataset folder>
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { decodeUtf8 } from '../../electron/services/utf8.ts';
import type { Dataset } from './dataset.ts';
import { stage } from './measure.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: floor.ts <dataset folder>');
const dataset = JSON.parse(await readFile(join(root, 'dataset.json'), 'utf8')) as Dataset;

type Row = ExcelJS.CellValue[];
/** Every sheet of a workbook as plain rows of values. */
async function sheetsOf(file: string): Promise<{ name: string; rows: Row[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const rows: Row[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as Row).slice(1).map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v ? (v.result as ExcelJS.CellValue) : v)));
    });
    return { name: ws.name, rows };
  });
}
const books = [
  { file: join(root, 'floor-scoreboard.xlsx'), sheets: await sheetsOf(join(root, 'scoreboard.xlsx')) },
  { file: join(root, 'floor-ranking.xlsx'), sheets: await sheetsOf(join(root, 'ranking.xlsx')) },
];

const read = await stage(async () => {
  let items = 0;
  for (const f of dataset.files) {
    const bytes = readFileSync(f.path);
    const doc = JSON.parse(decodeUtf8(inflateRawSync(bytes.subarray(f.payloadStart, f.payloadStart + f.payloadLength))) ?? '') as { assessment: { items: object } };
    items += Object.keys(doc.assessment.items).length;
  }
  return items;
});

const stream = await stage(async () => {
  let rows = 0;
  for (const book of books) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: book.file, useStyles: false, useSharedStrings: false });
    for (const s of book.sheets) {
      const sheet = wb.addWorksheet(s.name);
      for (const r of s.rows) {
        sheet.addRow(r).commit();
        rows++;
      }
      sheet.commit();
    }
    await wb.commit();
  }
  return rows;
});

console.log(JSON.stringify({ read: read.figures, stream: stream.figures, items: read.value, rows: stream.value }));
