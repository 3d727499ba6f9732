// Time and peak memory to refuse hostile Excel inputs, before exceljs builds anything. Targets:
// a 100,000-row agency list refused in under 2 s; a zip-bomb workbook (415 KB inflating to 400 MiB)
// refused without inflating it (time and memory as for a small file).
//   node --import tsx bench/xlsx-limits.ts [--rows 100000] [--bomb-mib 400]
// Each case runs in a child process of its own, so its peak RSS is its own: the figure printed is
// the peak during the refusal and, for comparison, the process once its modules are loaded.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { agencyListXlsx, sheetXml, workbookParts, zipBombXlsx, zipOf } from '../tests/helpers/hostile-xlsx.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    'bomb-mib': { type: 'string', default: '400' },
    child: { type: 'string' },
    kind: { type: 'string' },
  },
});

type Kind = 'agencies' | 'survey' | 'template';

if (values.child !== undefined) {
  // Child: read one file with one importer and report.
  const { readAgencyListXlsx, readSurveyXlsx } = await import('../electron/services/xlsx-import/index.ts');
  const { readTemplateXlsx } = await import('../electron/services/template-xlsx/index.ts');
  const data = await readFile(values.child);
  const before = process.resourceUsage().maxRSS;
  const started = process.hrtime.bigint();
  const kind = values.kind as Kind;
  const r =
    kind === 'agencies'
      ? await readAgencyListXlsx(data, 'bench.xlsx', { model: 'two-tier' })
      : kind === 'survey'
        ? await readSurveyXlsx(data, 'bench.xlsx', { agencies: [], items: [], scale: { A: 100 } } as never)
        : await readTemplateXlsx(data, 'bench.xlsx');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const after = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ ms, beforeKiB: before, peakKiB: after, refused: r.ok ? null : r.error.map((i) => i.code).join(', ') }));
  process.exit(0);
}

const rows = Number(values.rows);
const mib = Number(values['bomb-mib']);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(mib) || mib < 1) {
  console.error('usage: bench/xlsx-limits.ts [--rows 100000] [--bomb-mib 400]');
  process.exit(2);
}

const dir = await mkdtemp(join(tmpdir(), 'parscore-xlsx-limits-'));
try {
  const cases: [string, Buffer, Kind][] = [
    [`agency list, ${rows} rows, no dimension`, agencyListXlsx(rows), 'agencies'],
    [`agency list, ${rows} rows, with dimension`, agencyListXlsx(rows, { dimension: true }), 'agencies'],
    [`zip bomb ${mib} MiB, sizes declared`, zipBombXlsx(mib, 'honest'), 'survey'],
    [`zip bomb ${mib} MiB, declares 1 KiB`, zipBombXlsx(mib, 'lie'), 'survey'],
    [`zip bomb ${mib} MiB as a template`, zipBombXlsx(mib, 'honest'), 'template'],
    ['sheet declaring A1:XFD1048576 (template)', zipOf(workbookParts(sheetXml([['Mã']], { dimension: 'A1:XFD1048576' }))), 'template'],
  ];
  console.log('case'.padEnd(44), 'file'.padStart(10), 'time'.padStart(10), 'RSS loaded'.padStart(12), 'RSS peak'.padStart(10), ' refused as');
  for (const [name, buf, kind] of cases) {
    const file = join(dir, 'case.xlsx');
    await writeFile(file, buf);
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', file, '--kind', kind], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(`${name}: child failed (${r.status ?? r.signal})\n${r.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { ms: number; beforeKiB: number; peakKiB: number; refused: string | null };
    const mb = (kib: number) => `${(kib / 1024).toFixed(0)} MB`;
    console.log(
      name.padEnd(44),
      `${(buf.length / 1024).toFixed(0)} KB`.padStart(10),
      `${out.ms.toFixed(0)} ms`.padStart(10),
      mb(out.beforeKiB).padStart(12),
      mb(out.peakKiB).padStart(10),
      ` ${out.refused ?? 'ACCEPTED'}`,
    );
    if (out.refused === null) process.exitCode = 1;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
