import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AssessmentDoc } from '../../shared/schema/index.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { type Child, runChild } from './child.ts';
import { TempDirs, bigAssessment, sampleCampaign, sampleTemplate } from './helpers.ts';

const temp = new TempDirs();
const children: Child[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await c.exited;
  }
  await temp.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** When to kill: counted from the spawn (hits start-up and opening) or from the child's first line (hits the save loop). */
type Kill = { from: 'spawn' | 'ready'; ms: number };

function schedule(rounds: number): Kill[] {
  const fixed: Kill[] = [
    { from: 'spawn', ms: 0 },
    { from: 'spawn', ms: 20 },
    { from: 'spawn', ms: 120 },
    { from: 'ready', ms: 0 },
    { from: 'ready', ms: 1 },
    { from: 'ready', ms: 3 },
  ];
  const random = Array.from({ length: rounds - fixed.length }, (): Kill => ({ from: 'ready', ms: 15 + Math.floor(Math.random() * 250) }));
  return [...fixed, ...random];
}

describe('crash safety', () => {
  it('after SIGKILL at random moments the assessment is valid, never older than the last acknowledged save, and needs no repair', async () => {
    const dir = await temp.make('parscore-crash-');
    const seed = await WorkspaceStore.create(dir, { name: 'Sở Nội vụ', role: 'home-affairs', campaign: await sampleCampaign(), templates: [await sampleTemplate()] });
    await seed.writeAssessment(bigAssessment('STP', 0, 100));
    await seed.close();

    let onDisk = 0;
    const rounds: { kill: Kill; acks: number; lastAck: number; found: number }[] = [];
    for (const kill of schedule(15)) {
      const child = runChild('crash-child.ts', [dir, 'STP']);
      children.push(child);
      if (kill.from === 'ready') await child.waitFor('ready');
      await sleep(kill.ms);
      child.proc.kill('SIGKILL');
      const { signal } = await child.exited;
      expect(signal, child.stderr()).toBe('SIGKILL'); // killed, not failed on its own

      const acks = child.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
      const lastAck = acks.length > 0 ? Math.max(...acks) : onDisk;

      const ws = await WorkspaceStore.open(dir); // takes over the dead child's lock
      const a = await ws.readAssessment('STP');
      expect(a).not.toBeNull();
      expect(a!.revision).toBeGreaterThanOrEqual(lastAck);
      expect(a!.revision).toBeLessThanOrEqual(lastAck + 1);
      expect(Object.keys(a!.items)).toHaveLength(100);
      expect(ws.recoveries()).toEqual([]);

      const names = await readdir(join(dir, 'assessments'));
      expect(names.filter((n) => n.includes('.corrupt-'))).toEqual([]);
      expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]); // swept by open
      // Every backup that exists is a whole, valid document too.
      for (const bak of names.filter((n) => /\.bak\d$/.test(n))) {
        const parsed = AssessmentDoc.parse(JSON.parse(await readFile(join(dir, 'assessments', bak), 'utf8')));
        expect(parsed.ok, bak).toBe(true);
      }
      onDisk = a!.revision;
      await ws.close();
      rounds.push({ kill, acks: acks.length, lastAck, found: a!.revision });
    }

    console.log(
      `crash rounds (kill after → acks, last ack, revision found):\n${rounds
        .map((r) => `  ${r.kill.from}+${r.kill.ms}ms → ${r.acks} acks, last ${r.lastAck}, found ${r.found}`)
        .join('\n')}`,
    );
    // The kills really landed in the middle of saving, many times.
    expect(rounds.filter((r) => r.acks > 0).length).toBeGreaterThanOrEqual(5);
    expect(onDisk).toBeGreaterThan(5);
  }, 240_000);
});
