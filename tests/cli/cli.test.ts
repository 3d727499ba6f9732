import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTemplate } from '../../shared/template/parse.ts';
import { cli } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-cli-'));
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'parscore.mjs');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const builtinFile = (name: string) => join(import.meta.dirname, '..', '..', 'templates', 'criteria', name);

describe('parscore template', () => {
  it('lists the four built-in sample templates in Vietnamese, and in English with --lang en', async () => {
    const vi = await cli('template', 'list');
    expect(vi.code).toBe(0);
    for (const id of ['par-so@1', 'par-xa@1', 'par-huyen@1', 'iso-9001@1']) expect(vi.out).toContain(id);
    expect(vi.out).toContain('thay bằng Quyết định ban hành Bộ chỉ số của tỉnh');
    const en = await cli('template', 'list', '--lang', 'en');
    expect(en.out).toContain('replace them with the province');
    const json = JSON.parse((await cli('template', 'list', '--json')).out) as { id: string; maxPoints: number; sample: boolean }[];
    expect(json.map((t) => t.id).sort()).toEqual(['iso-9001', 'par-huyen', 'par-so', 'par-xa']);
    expect(json.every((t) => t.maxPoints === 100 && t.sample)).toBe(true);
  });

  it('validates a good template with exit 0 and names template, item and field of a bad one with exit 1', async () => {
    const ok = await cli('template', 'validate', builtinFile('par-xa-2026.json'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Hợp lệ');
    const raw = JSON.parse(readFileSync(builtinFile('par-xa-2026.json'), 'utf8'));
    raw.items[3].code = raw.items[2].code; // duplicate code
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify(raw));
    const r = await cli('template', 'validate', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.json');
    expect(r.err).toContain('par-xa');
    expect(r.err).toContain(`mục ${raw.items[2].code}`);
  });

  it('reports a missing file with exit 3 and a non-JSON file with exit 1, naming the file', async () => {
    const missing = await cli('template', 'validate', join(tmp, 'nope.json'));
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('nope.json');
    const junk = join(tmp, 'junk.json');
    writeFileSync(junk, '{ "kind": "parscore.template", ');
    const r = await cli('template', 'validate', junk);
    expect(r.code).toBe(1);
    expect(r.err).toContain('junk.json');
    expect(r.err).toContain('JSON');
  });

  it('exports a template to xlsx and imports it back to the same JSON', async () => {
    const xlsx = join(tmp, 'par-so.xlsx');
    expect((await cli('template', 'export-xlsx', 'par-so', '--out', xlsx)).code).toBe(0);
    expect((await cli('template', 'validate', xlsx)).code).toBe(0);
    const json = join(tmp, 'par-so.json');
    expect((await cli('template', 'import-xlsx', xlsx, '--out', json)).code).toBe(0);
    const original = parseTemplate(JSON.parse(readFileSync(builtinFile('par-so-2026.json'), 'utf8')));
    if (!original.ok) throw new Error('built-in template invalid');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(original.value);
  });
});

describe('parscore demo and score', () => {
  const dir = join(tmp, 'demo');
  it('creates a province workspace with departments, districts and communes, deterministic for a seed', async () => {
    const r = await cli('demo', dir, '--agencies', '40', '--seed', '7');
    expect(r.code).toBe(0);
    expect(r.out).toContain('21 sở, ban, ngành; 8 huyện; 11 xã');
    const again = join(tmp, 'demo-again');
    await cli('demo', again, '--agencies', '40', '--seed', '7');
    const files = readdirSync(join(dir, 'assessments')).sort();
    expect(readdirSync(join(again, 'assessments')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(again, 'assessments', f), 'utf8')).toBe(readFileSync(join(dir, 'assessments', f), 'utf8'));
    const other = join(tmp, 'demo-other');
    await cli('demo', other, '--agencies', '40', '--seed', '8');
    const f0 = files[0]!;
    expect(readFileSync(join(other, 'assessments', f0), 'utf8')).not.toBe(readFileSync(join(dir, 'assessments', f0), 'utf8'));
  });

  it('refuses to overwrite a workspace, unless asked to keep it with --if-missing', async () => {
    const r = await cli('demo', dir, '--agencies', '40');
    expect(r.code).toBe(3);
    const keep = await cli('demo', dir, '--if-missing');
    expect(keep.code).toBe(0);
    expect(keep.out).toContain('giữ nguyên');
  });

  it('scores a department self-assessment: prints the tree and totals, and JSON with --json', async () => {
    const file = join(dir, 'assessments', 'S02.json');
    const r = await cli('score', 'par-so', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Công tác chỉ đạo, điều hành cải cách hành chính');
    expect(r.out).toMatch(/Tổng điểm: \d+,\d{2} \/ \d+,\d{2} · Chỉ số: \d+,\d{2}%/);
    const j = JSON.parse((await cli('score', 'par-so', file, '--json')).out) as { report: { total: number; max: number; self: { max: number } } };
    expect(j.report.total).toBeGreaterThan(0);
    expect(j.report.total).toBeLessThanOrEqual(j.report.max);
    expect(j.report.self.max).toBeLessThanOrEqual(70);
  });

  it('refuses to score an assessment against another template', async () => {
    const r = await cli('score', 'par-xa', join(dir, 'assessments', 'S02.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('par-so');
  });
});

describe('parscore usage', () => {
  it('prints help in Vietnamese, with exit codes, and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cách dùng:');
    expect(r.out).toContain('Mã thoát');
    const sub = await cli('template', 'validate', '--help');
    expect(sub.out).toContain('mã thoát 0 nếu hợp lệ');
  });

  it('rejects an unknown command and a bad number with exit 2 and a Vietnamese message', async () => {
    const r = await cli('chấm');
    expect(r.code).toBe(2);
    expect(r.err).toContain('lệnh không tồn tại');
    const n = await cli('demo', join(tmp, 'x'), '--agencies', 'nhiều');
    expect(n.code).toBe(2);
    expect(n.err).toContain('số nguyên dương');
  });

  it('runs as an installed bin (node bin/parscore.mjs), from a bundle built on first use and again when it is older than its sources', () => {
    const cache = join(tmp, 'cli-cache');
    const env = { ...process.env, PARSCORE_CLI_CACHE: cache };
    const run = () => execFileSync(process.execPath, [BIN, 'template', 'list', '--lang', 'en'], { encoding: 'utf8', env });
    expect(run()).toContain('par-so@1');
    const bundle = join(cache, 'cli.mjs');
    expect(existsSync(join(cache, 'worker.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(cache, 'inputs.json'), 'utf8'))).toEqual(expect.arrayContaining(['electron/cli/main.ts', 'electron/services/workers/worker.ts']));
    const built = statSync(bundle).mtimeMs;
    expect(run()).toContain('par-so@1');
    expect(statSync(bundle).mtimeMs).toBe(built); // fresh: used as it is
    utimesSync(bundle, new Date('2020-01-01'), new Date('2020-01-01')); // now older than every source
    expect(run()).toContain('par-so@1');
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(built);
  });

  it('stops quietly when the reader has closed the pipe (parscore … | head -1)', async () => {
    const child = spawn(process.execPath, [BIN, 'template', 'list', '--lang', 'en'], { env: { ...process.env, PARSCORE_CLI_CACHE: join(tmp, 'cli-cache-pipe') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.destroy(); // before the command writes its first line
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
