import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { cli, folderHash } from '../cli/run.ts';

/*
 * Nothing drops out in silence: a Home Affairs workspace after a demo cycle (submissions imported,
 * survey imported), copied for each test and damaged the way the issue found: consolidation and
 * reports refuse, or say so with --allow-missing; the CLI prints repairs; `workspace check` names
 * every damaged file; backup and restore give back the same folder.
 */
let tmp: string;
let base: string;
let n = 0;

function copy(): string {
  const dir = join(tmp, `ws-${++n}`);
  cpSync(base, dir, { recursive: true });
  return dir;
}

function rmDoc(dir: string, label: string): void {
  for (const f of [label, `${label}.bak1`, `${label}.bak2`, `${label}.bak3`]) rmSync(join(dir, f), { force: true });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'parscore-safety-'));
  base = join(tmp, 'ha');
  const subs = join(tmp, 'subs');
  expect((await cli('demo', base, '--agencies', '12', '--submissions', subs)).code).toBe(0);
  expect((await cli('import', base, subs)).code).toBe(0);
  expect((await cli('survey', 'import', base, join(subs, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'))).code).toBe(0);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('consolidation refuses results built on missing documents', () => {
  for (const [what, label, code] of [
    ['an assessment', 'assessments/S04.json', 'wsafe.doc_missing_assessment'],
    ['the survey', 'survey.json', 'wsafe.doc_missing_survey'],
    ['an agency’s nominations', 'nominations/S04.json', 'wsafe.doc_missing_nominations'],
  ] as const) {
    it(`${what} gone (no backup): refused naming ${label}, nothing written; with --allow-missing the results carry the warning`, async () => {
      const dir = copy();
      rmDoc(dir, label);
      const before = folderHash(dir);
      const out = join(tmp, `out-${n}`);
      const r = await cli('consolidate', dir, '--out', out);
      expect(r.code).toBe(1);
      expect(r.err).toContain(label);
      expect(r.err).toContain('--allow-missing');
      expect(existsSync(join(out, 'results.json'))).toBe(false);
      expect(folderHash(dir)).toBe(before);

      const allowed = await cli('consolidate', dir, '--out', out, '--allow-missing');
      expect(allowed.code).toBe(0);
      expect(allowed.err).toContain(label);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { issues: { code: string; at?: { file?: string }; params?: { severity?: string } }[] };
      const warning = results.issues.find((i) => i.code === code);
      expect(warning?.at?.file).toBe(label);
      expect(warning?.params?.severity).toBe('warning');
    });
  }

  it('an unreadable assessment (damaged, no backup) is refused naming the file', async () => {
    const dir = copy();
    rmDoc(dir, 'assessments/S02.json');
    writeFileSync(join(dir, 'assessments/S02.json'), '{"kind":"parscore.assessment",');
    const r = await cli('consolidate', dir, '--out', join(tmp, `out-${n}`));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/assessments\/S02\.json.*không đọc được/);
  });

  it('reports: refused without --allow-missing; with it every report shows the incomplete-results line under its title', async () => {
    const dir = copy();
    rmDoc(dir, 'assessments/S04.json');
    const out = join(tmp, `rep-${n}`);
    expect((await cli('report', dir, '--out', out, '--only', 'ranking')).code).toBe(1);
    const r = await cli('report', dir, '--out', out, '--only', 'ranking', 'scoreboard', '--allow-missing');
    expect(r.code).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.xlsx')).map((f) => join(out, f));
    expect(files).toHaveLength(2);
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      const sheet = wb.worksheets[0]!;
      const texts = [1, 2, 3, 4, 5, 6, 7, 8].map((row) => String(sheet.getRow(row).getCell(1).value ?? ''));
      expect(texts.some((t) => t.includes('KẾT QUẢ CHƯA ĐẦY ĐỦ') && t.includes('assessments/S04.json')), f).toBe(true);
    }
  });

  it('a template file lost (damaged, moved aside by an earlier command) is named, not only "no template par-so@1"', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'templates/par-so@1.json'), '{"kind":"parscore.template"');
    // A writable command finds it beyond repair and moves it aside: the file is then gone.
    await cli('survey', 'import', dir, join(tmp, 'khong-co.xlsx'));
    expect(existsSync(join(dir, 'templates/par-so@1.json'))).toBe(false);
    const r = await cli('consolidate', dir, '--out', join(tmp, `out-${n}`));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('templates/par-so@1.json');
  });
});

describe('the CLI prints every repair', () => {
  it('a damaged campaign.json restored from its backup is reported on stderr', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'campaign.json'), 'hỏng');
    const r = await cli('survey', 'import', dir, join(tmp, 'khong-co.xlsx'));
    expect(r.err).toContain('Khi mở thư mục làm việc đã phát hiện và xử lý');
    expect(r.err).toMatch(/campaign\.json.*khôi phục từ bản sao lưu campaign\.json\.bak1/);
  });

  it('a damaged template found by a read-only command is reported once, naming the file', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'templates/par-xa@1.json'), '[]');
    const r = await cli('survey', 'form', dir, '--out', join(tmp, `form-${n}.xlsx`));
    expect(r.err.split('\n')[0]).toContain('Khi mở thư mục làm việc');
    expect(r.err).toContain('templates/par-xa@1.json');
  });
});

describe('workspace check', () => {
  it('a clean workspace (plain demo and after a cycle): exit 0', async () => {
    const plain = join(tmp, 'plain');
    expect((await cli('demo', plain, '--agencies', '5')).code).toBe(0);
    const r = await cli('workspace', 'check', plain);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('không có vấn đề nào');
    expect((await cli('workspace', 'check', base)).code).toBe(0);
  });

  const damages: [string, (dir: string) => void, RegExp][] = [
    ['an assessment deleted', (d) => rmDoc(d, 'assessments/S04.json'), /assessments\/S04\.json · cơ quan S04: Thiếu bản tự đánh giá/],
    ['the survey deleted', (d) => rmDoc(d, 'survey.json'), /survey\.json: Thiếu kết quả khảo sát/],
    ['nominations deleted', (d) => rmDoc(d, 'nominations/S04.json'), /nominations\/S04\.json · cơ quan S04: Thiếu danh sách/],
    ['an assessment damaged', (d) => writeFileSync(join(d, 'assessments/S01.json'), '{'), /assessments\/S01\.json: Tệp bị hỏng/],
    ['a received file changed', (d) => appendFileSync(join(d, 'received/S03-r1.parscore'), 'x'), /received\/S03-r1\.parscore · cơ quan S03: Tệp hồ sơ đã tiếp nhận không còn như lúc nhận/],
    ['a received file gone', (d) => rmSync(join(d, 'received/S03-r1.parscore')), /received\/S03-r1\.parscore · cơ quan S03: Tệp hồ sơ đã tiếp nhận \(lần 1\) không còn/],
    ['keys/identity.json damaged', (d) => writeFileSync(join(d, 'keys/identity.json'), '{"name":'), /keys\/identity\.json/],
    ['keys/ gone', (d) => rmSync(join(d, 'keys'), { recursive: true }), /keys\/identity\.key: Thư mục làm việc ghi khóa ký/],
    ['a template gone', (d) => rmSync(join(d, 'templates/par-huyen@1.json')), /templates\/par-huyen@1\.json: Không có tệp bộ tiêu chí par-huyen@1/],
    ['the index damaged', (d) => writeFileSync(join(d, 'workspace.json'), 'x'), /workspace\.json/],
  ];
  for (const [what, damage, expected] of damages) {
    it(`${what}: named, with what to do; exit 1; nothing changed`, async () => {
      const dir = copy();
      damage(dir);
      const before = folderHash(dir);
      const r = await cli('workspace', 'check', dir);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(expected);
      expect(r.out).toContain('Cách xử lý:');
      expect(folderHash(dir)).toBe(before);
    });
  }

  it('--json lists each problem with its file', async () => {
    const dir = copy();
    rmDoc(dir, 'assessments/S04.json');
    const r = await cli('workspace', 'check', dir, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { ok: boolean; problems: { file: string; issues: { code: string }[]; fix: { code: string } }[] };
    expect(j.ok).toBe(false);
    expect(j.problems.map((p) => [p.file, p.issues[0]?.code, p.fix.code])).toEqual([['assessments/S04.json', 'wsafe.doc_missing_assessment', 'wsafe.fix.reimport']]);
  });
});

describe('the audit log is tamper-evident', () => {
  const lines = (dir: string) => readFileSync(join(dir, 'audit.jsonl'), 'utf8').trimEnd().split('\n');
  const put = (dir: string, l: string[]) => writeFileSync(join(dir, 'audit.jsonl'), `${l.join('\n')}\n`);

  for (const [what, change, line] of [
    ['an entry edited', (l: string[]) => l.map((x, i) => (i === 3 ? x.replace('"submitted"', '"locked"') : x)), 5],
    ['an entry removed', (l: string[]) => l.filter((_, i) => i !== 3), 4],
    ['two entries swapped', (l: string[]) => l.map((x, i) => (i === 3 ? l[4]! : i === 4 ? l[3]! : x)), 4],
  ] as const) {
    it(`${what}: workspace check names the line where the chain breaks`, async () => {
      const dir = copy();
      put(dir, change(lines(dir)));
      const r = await cli('workspace', 'check', dir);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`dòng ${line}`);
      expect(r.out).toMatch(new RegExp(`Dòng ${line} của nhật ký thẩm định không nối tiếp`));
    });
  }

  it('an older log (no hashes) is "not chained (older log)", not broken; lines appended later are chained to it', async () => {
    const dir = copy();
    const old = lines(dir).map((l) => {
      const { schemaVersion: _, prev: __, ...e } = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify(e);
    });
    put(dir, old);
    const r = await cli('workspace', 'check', dir);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`có ${old.length} dòng đầu ghi theo phiên bản cũ, chưa nối chuỗi (nhật ký cũ)`);
    // A change written now chains on to the older lines.
    const ws = await WorkspaceStore.open(dir);
    try {
      await ws.appendAudit([{ at: '2026-01-20T08:00:00+07:00', who: { name: 'Sở Nội vụ', fingerprint: 'a'.repeat(64) }, agency: 'S01', field: 'status', item: null, old: 'submitted', new: 'appraising', round: 1, reason: null }]);
    } finally {
      await ws.close();
    }
    expect((await cli('workspace', 'check', dir)).code).toBe(0);
    const withNew = lines(dir);
    put(dir, [...withNew.slice(0, 2), withNew[2]!.replace('"S', '"X'), ...withNew.slice(3)]);
    expect((await cli('workspace', 'check', dir)).code).toBe(0); // an older line cannot be checked: still only a note
    put(dir, [...withNew.slice(0, -1), withNew.at(-1)!.replace('"appraising"', '"locked"'), withNew.at(-1)!]);
    expect((await cli('workspace', 'check', dir)).out).toMatch(/Dòng \d+ của nhật ký thẩm định không nối tiếp/);
  });
});

async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const out = new Map<string, Buffer>();
  for await (const e of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
    out.set(e.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return out;
}

async function writeZip(file: string, entries: Map<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
}

describe('workspace backup and restore', () => {
  it('backup → restore gives the same folder (folderHash) and a clean check', async () => {
    const dir = copy();
    const file = join(tmp, 'backup.zip');
    const b = await cli('workspace', 'backup', dir, '--out', file);
    expect(b.code, b.err).toBe(0);
    const target = join(tmp, 'restored');
    const r = await cli('workspace', 'restore', file, target);
    expect(r.code, r.err).toBe(0);
    expect(folderHash(target)).toBe(folderHash(dir));
    expect((await cli('workspace', 'check', target)).code).toBe(0);
    // A second backup to the same file, or a restore into a folder with files, is refused.
    expect((await cli('workspace', 'backup', dir, '--out', file)).code).toBe(1);
    expect((await cli('workspace', 'restore', file, target)).code).toBe(3);
  });

  it('a damaged backup is refused naming the file inside it, and writes nothing', async () => {
    const dir = copy();
    const file = join(tmp, `b-${n}.zip`);
    expect((await cli('workspace', 'backup', dir, '--out', file)).code).toBe(0);
    const entries = await zipEntries(file);
    entries.set('assessments/S01.json', Buffer.concat([entries.get('assessments/S01.json')!, Buffer.from(' ')]));
    const bad = join(tmp, `bad-${n}.zip`);
    await writeZip(bad, entries);
    const target = join(tmp, `r-${n}`);
    const r = await cli('workspace', 'restore', bad, target);
    expect(r.code).toBe(1);
    expect(r.err).toContain('assessments/S01.json');
    expect(r.err).toContain('SHA-256');
    expect(existsSync(join(target, 'workspace.json'))).toBe(false);

    entries.delete('survey.json');
    await writeZip(bad, entries);
    expect((await cli('workspace', 'restore', bad, target)).err).toMatch(/thiếu tệp survey\.json/);
    writeFileSync(bad, 'không phải zip');
    expect((await cli('workspace', 'restore', bad, target)).err).toContain('không phải bản sao lưu');
  });
});
