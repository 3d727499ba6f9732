import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { formatIssue } from '../../shared/i18n/index.ts';
import { type Assessment, AssessmentDoc, defineVersioned } from '../../shared/schema/index.ts';
import { type Migration, type Recovery, ValidatedJsonFile } from '../../electron/services/store/json-store.ts';
import { TempDirs, bigAssessment, issuesOf, listDir, sampleCampaign } from './helpers.ts';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

const CORRUPT_NAME = /^STP\.json\.corrupt-\d{8}T\d{6}\.json$/;

async function setup(saves: number) {
  const dir = await temp.make();
  const path = join(dir, 'STP.json');
  const recoveries: Recovery[] = [];
  const file = new ValidatedJsonFile<Assessment>(path, AssessmentDoc, { label: 'STP.json', onRecovery: (r) => recoveries.push(r) });
  for (let rev = 1; rev <= saves; rev++) await file.write(bigAssessment('STP', rev, 20));
  return { dir, path, file, recoveries };
}

const damages: [string, (good: Buffer) => Buffer | string, string][] = [
  ['a truncated file', (good) => good.subarray(0, Math.floor(good.length / 2)), 'doc.not_json'],
  ['a file that is not JSON', () => 'Đây không phải tệp JSON\n\u0000\u0001', 'doc.not_json'],
  ['a schema-invalid file', (good) => JSON.stringify({ ...JSON.parse(good.toString('utf8')), revision: -3, template: 'par-so' }), 'doc.schema'],
  ['an empty file', () => '', 'store.empty_file'],
  ['a file that is not UTF-8', () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'store.not_utf8'],
  ['a file holding JSON null', () => 'null\n', 'doc.not_object'],
  // JSON.parse keeps the last of two equal keys, silently: the file is refused instead.
  ['a file naming a key twice', (good) => good.toString('utf8').replace('"revision":', '"revision": 9, "revision":'), 'doc.duplicate_key'],
  // zod records drop a `__proto__` key silently: the file is refused instead.
  ['a file with an item coded __proto__', (good) => good.toString('utf8').replace('"items": {', '"items": {"__proto__": {"selfScore": 1, "evidence": []},'), 'doc.prototype_key'],
];

describe('ValidatedJsonFile: damaged files', () => {
  it.each(damages)('%s is moved aside, restored from the newest backup and reported with its name', async (_, damage, expectedCode) => {
    const { dir, path, file, recoveries } = await setup(3);
    const bad = damage(await readFile(path));
    await writeFile(path, bad);
    const bak1Before = await readFile(`${path}.bak1`);

    const doc = await file.read();
    expect(doc?.revision).toBe(2); // the version before the damaged save

    // The damaged bytes are kept, under a name that says what happened.
    const moved = (await listDir(dir)).filter((n) => CORRUPT_NAME.test(n));
    expect(moved).toHaveLength(1);
    expect(await readFile(join(dir, moved[0] as string))).toEqual(Buffer.from(bad));
    // The restored file is the backup, byte for byte; the backups themselves are untouched.
    expect(await readFile(path)).toEqual(bak1Before);
    expect(await readFile(`${path}.bak1`)).toEqual(bak1Before);
    expect(JSON.parse(await readFile(`${path}.bak2`, 'utf8')).revision).toBe(1);

    expect(recoveries).toHaveLength(1);
    const r = recoveries[0] as Recovery;
    expect(r.file).toBe(path);
    expect(r.movedTo).toBe(join(dir, moved[0] as string));
    expect(r.restoredFrom).toBe(`${path}.bak1`);
    expect(r.issues[0]).toMatchObject({ code: 'store.recovered', at: { file: 'STP.json' }, params: { movedTo: moved[0], restoredFrom: 'STP.json.bak1' } });
    expect(r.issues.slice(1).map((i) => i.code)).toContain(expectedCode);
    const text = formatIssue('vi', r.issues[0]!);
    expect(text).toContain('STP.json');
    expect(text).toContain(moved[0]);
    expect(text).toContain('khôi phục từ bản sao lưu STP.json.bak1');

    // Reading again finds a healthy file: nothing more to repair.
    expect((await file.read())?.revision).toBe(2);
    expect(recoveries).toHaveLength(1);
  });

  it('skips damaged backups and restores the newest one that validates', async () => {
    const { path, file, recoveries } = await setup(4); // file rev 4, bak1 rev 3, bak2 rev 2, bak3 rev 1
    await writeFile(path, '{"kind": "parscore.assess');
    await writeFile(`${path}.bak1`, '');
    await writeFile(`${path}.bak2`, '{"kind":"parscore.assessment","schemaVersion":1}');
    expect((await file.read())?.revision).toBe(1);
    expect(recoveries[0]?.restoredFrom).toBe(`${path}.bak3`);
  });

  it('with no backup, reports the document as lost, keeps the bad copy and writes nothing in its place', async () => {
    const { dir, path, file, recoveries } = await setup(1);
    const bad = (await readFile(path)).subarray(0, 100);
    await writeFile(path, bad);

    const issues = await issuesOf(file.read());
    const moved = (await listDir(dir)).filter((n) => CORRUPT_NAME.test(n));
    expect(moved).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'store.corrupt_no_backup', at: { file: 'STP.json' }, params: { movedTo: moved[0] } });
    expect(issues[1]?.code).toBe('doc.not_json');
    expect(formatIssue('en', issues[0]!)).toBe(
      `file STP.json: The file is damaged and has no valid backup, so this document could not be recovered. The damaged copy was kept at ${moved[0]}; nothing was overwritten.`,
    );
    expect(await listDir(dir)).toEqual(moved); // no default document written in its place
    expect(await readFile(join(dir, moved[0] as string))).toEqual(bad);
    expect(recoveries).toEqual([expect.objectContaining({ file: path, restoredFrom: null, movedTo: join(dir, moved[0] as string) })]);
  });

  it('with only damaged backups, reports the document as lost and leaves the backups alone', async () => {
    const { dir, path, file } = await setup(2);
    await writeFile(path, 'garbage');
    await writeFile(`${path}.bak1`, 'more garbage');
    expect((await issuesOf(file.read()))[0]?.code).toBe('store.corrupt_no_backup');
    expect(await readFile(`${path}.bak1`, 'utf8')).toBe('more garbage');
    expect((await listDir(dir)).filter((n) => n === 'STP.json')).toEqual([]);
  });

  it('restores a file that vanished while its backups remain (an interrupted repair)', async () => {
    const { dir, path, file, recoveries } = await setup(2);
    await rename(path, join(dir, 'elsewhere.json'));
    expect((await file.read())?.revision).toBe(1);
    expect(recoveries[0]).toMatchObject({ movedTo: null, restoredFrom: `${path}.bak1` });
    expect(recoveries[0]?.issues[0]).toMatchObject({ code: 'store.restored_missing', at: { file: 'STP.json' } });
  });

  it('returns null for a file that was never written', async () => {
    const dir = await temp.make();
    const file = new ValidatedJsonFile(join(dir, 'none.json'), AssessmentDoc);
    expect(await file.read()).toBeNull();
    expect(await listDir(dir)).toEqual([]);
  });
});

describe('ValidatedJsonFile: files it must not touch', () => {
  it('refuses a future schema version and leaves the file byte for byte', async () => {
    const { dir, path, file, recoveries } = await setup(2);
    const future = `${JSON.stringify({ ...bigAssessment('STP', 9, 3), schemaVersion: 7, newField: 'từ phiên bản sau' }, null, 4)}\n`;
    await writeFile(path, future);
    const before = await listDir(dir);

    const issues = await issuesOf(file.read());
    expect(issues[0]).toMatchObject({ code: 'doc.future_version', at: { file: 'STP.json' }, params: { version: 7, latest: 2 } });
    expect(formatIssue('vi', issues[0]!)).toContain('tệp không bị thay đổi');
    expect(await readFile(path, 'utf8')).toBe(future);
    expect(await listDir(dir)).toEqual(before);
    expect(recoveries).toEqual([]);
  });

  it('refuses another kind of document and leaves it as it is', async () => {
    const { dir, path, file, recoveries } = await setup(1);
    const campaign = JSON.stringify(await sampleCampaign());
    await writeFile(path, campaign);
    const issues = await issuesOf(file.read());
    expect(issues[0]).toMatchObject({ code: 'doc.wrong_kind', params: { expected: 'parscore.assessment', actual: 'parscore.campaign' } });
    expect(await readFile(path, 'utf8')).toBe(campaign);
    expect(await listDir(dir)).toEqual(['STP.json']);
    expect(recoveries).toEqual([]);
  });

  it('never writes an invalid document', async () => {
    const { path, file } = await setup(1);
    const before = await readFile(path);
    const bad = { ...bigAssessment('STP', 2, 1), revision: 1.5 } as Assessment;
    const issues = await issuesOf(file.write(bad));
    expect(issues[0]).toMatchObject({ code: 'store.invalid_document', at: { file: 'STP.json' } });
    expect(issues[1]).toMatchObject({ code: 'doc.schema', at: { field: 'revision' } });
    expect(await readFile(path)).toEqual(before);
  });

  it('in read-only mode reports damage without repairing it', async () => {
    const { dir, path } = await setup(2);
    await writeFile(path, '{');
    const ro = new ValidatedJsonFile(path, AssessmentDoc, { label: 'STP.json', readOnly: true });
    expect((await issuesOf(ro.read()))[0]).toMatchObject({ code: 'store.corrupt_read_only', at: { file: 'STP.json' } });
    expect(await readFile(path, 'utf8')).toBe('{');
    expect(await listDir(dir)).toEqual(['STP.json', 'STP.json.bak1']);
    expect((await issuesOf(ro.write(bigAssessment('STP', 3, 1))))[0]?.code).toBe('store.read_only');
  });
});

// A document kind with two versions, to exercise migration (the real kinds have one version so far).
const NoteV1 = z.strictObject({ kind: z.literal('test.note'), schemaVersion: z.literal(1), text: z.string() });
const NoteV2 = z.strictObject({ kind: z.literal('test.note'), schemaVersion: z.literal(2), title: z.string(), body: z.string() });
type Note = z.infer<typeof NoteV2>;
const NoteDoc = defineVersioned<Note>({
  kind: 'test.note',
  versions: { 1: NoteV1, 2: NoteV2 },
  migrations: {
    1: (d: z.infer<typeof NoteV1>): Note => ({ kind: 'test.note', schemaVersion: 2, title: d.text.split('\n')[0] ?? '', body: d.text }),
  },
  latest: NoteV2,
});

describe('ValidatedJsonFile: migration', () => {
  it('migrates an older version, keeping the original as <name>.v1.bak', async () => {
    const dir = await temp.make();
    const path = join(dir, 'note.json');
    const original = '{ "kind": "test.note", "schemaVersion": 1, "text": "Biên bản họp\\nNội dung chi tiết" }';
    await writeFile(path, original);
    const migrations: Migration[] = [];
    const file = new ValidatedJsonFile(path, NoteDoc, { onMigration: (m) => migrations.push(m) });

    const note = await file.read();
    expect(note).toEqual({ kind: 'test.note', schemaVersion: 2, title: 'Biên bản họp', body: 'Biên bản họp\nNội dung chi tiết' });
    expect(await readFile(`${path}.v1.bak`, 'utf8')).toBe(original);
    expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(note, null, 2)}\n`);
    expect(migrations).toEqual([expect.objectContaining({ file: path, from: 1, to: 2, keptAt: `${path}.v1.bak` })]);
    expect(formatIssue('en', migrations[0]!.issues[0]!)).toContain('kept at note.json.v1.bak');

    // Already migrated: nothing more happens.
    await file.read();
    expect(migrations).toHaveLength(1);

    // A second old file at the same path never overwrites the first kept original.
    await writeFile(path, '{"kind":"test.note","schemaVersion":1,"text":"Lần hai"}');
    await file.read();
    expect(await readFile(`${path}.v1.bak`, 'utf8')).toBe(original);
    expect(await readFile(`${path}.v1-2.bak`, 'utf8')).toContain('Lần hai');
  });

  it('read-only: migrates in memory and leaves the file alone', async () => {
    const dir = await temp.make();
    const path = join(dir, 'note.json');
    await writeFile(path, '{"kind":"test.note","schemaVersion":1,"text":"x"}');
    const note = await new ValidatedJsonFile(path, NoteDoc, { readOnly: true }).read();
    expect(note?.schemaVersion).toBe(2);
    expect(await listDir(dir)).toEqual(['note.json']);
  });
});

describe('ValidatedJsonFile as a lowdb adapter', () => {
  it('works under Low: read, update, and a 2-space JSON file with a trailing newline', async () => {
    const dir = await temp.make();
    const path = join(dir, 'STP.json');
    const db = new Low<Assessment>(new ValidatedJsonFile(path, AssessmentDoc), bigAssessment('STP', 0, 2));
    await db.read(); // no file yet: lowdb keeps the default data
    await db.update((a) => {
      a.revision = 1;
      a.indicators.SL1 = 150;
    });
    const text = await readFile(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);

    const again = new Low<Assessment>(new ValidatedJsonFile(path, AssessmentDoc), bigAssessment('XX', 0, 0));
    await again.read();
    expect(again.data.agency).toBe('STP');
    expect(again.data.revision).toBe(1);
    expect(again.data.indicators.SL1).toBe(150);
  });
});
