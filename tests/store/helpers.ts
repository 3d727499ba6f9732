/**
 * Shared by the store tests, the crash child and the save benchmark, so it must not import vitest.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment, Campaign, ItemEntry, Template, WorkspaceIndex } from '../../shared/schema/index.ts';
import { IssueError, type Issue } from '../../shared/util/issue.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'schema');

export async function fixture(kind: 'template' | 'campaign' | 'assessment' | 'workspace', version = 1): Promise<unknown> {
  return JSON.parse(await readFile(join(FIXTURES, kind, `v${version}.json`), 'utf8')) as unknown;
}

export const sampleTemplate = async (): Promise<Template> => (await fixture('template')) as Template;
export const sampleCampaign = async (): Promise<Campaign> => (await fixture('campaign')) as Campaign;
export const sampleIndex = async (): Promise<WorkspaceIndex> => (await fixture('workspace')) as WorkspaceIndex;

const NOTES = [
  'Đã ban hành văn bản hướng dẫn và tổ chức thực hiện đúng tiến độ.',
  'Hồ sơ được tiếp nhận, giải quyết trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.',
  'Còn 01 nhiệm vụ chuyển tiếp sang năm sau do chờ hướng dẫn của Bộ, ngành trung ương.',
  'Tổ chức 02 hội nghị tập huấn cho công chức làm công tác một cửa.',
];

/** An assessment with `items` entries (about 300 bytes each, like a filled-in department's file). */
export function bigAssessment(agency: string, revision: number, items = 100): Assessment {
  const entries: Record<string, ItemEntry> = {};
  for (let i = 0; i < items; i++) {
    const code = `${1 + Math.floor(i / 10)}.${1 + (i % 10)}`;
    entries[code] = {
      input: i % 3 === 0 ? { kind: 'binary', value: 'yes' } : i % 3 === 1 ? { kind: 'percent', value: 80 + (i % 20) } : { kind: 'ratio', numerator: i, denominator: 100 },
      selfScore: (i % 4) * 0.5,
      note: NOTES[i % NOTES.length],
      evidence: [{ docNo: `${100 + i}/BC-UBND`, date: '2024-11-15', issuer: 'Sở Tư pháp', title: `Báo cáo kết quả thực hiện nhiệm vụ ${code}` }],
    };
  }
  return {
    kind: 'parscore.assessment',
    schemaVersion: 2,
    agency,
    campaign: 'cchc-2024',
    template: { id: 'par-so-minh-son', version: 1 },
    revision,
    items: entries,
    indicators: { SL1: 142, SL2: true },
    bonus: {},
    penalty: {},
    updatedAt: new Date().toISOString(),
    additional: {},
  };
}

/** Temp folders under os.tmpdir(), removed by `cleanup()`. */
export class TempDirs {
  private readonly dirs: string[] = [];

  async make(prefix = 'parscore-store-'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  async cleanup(): Promise<void> {
    for (const d of this.dirs.splice(0)) await rm(d, { recursive: true, force: true });
  }
}

/** The issues a promise (or function) failed with; throws if it succeeded or failed with something else. */
export async function issuesOf(p: Promise<unknown> | (() => unknown)): Promise<Issue[]> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof IssueError) return e.issues;
    throw e;
  }
  throw new Error('expected an IssueError, but it succeeded');
}

export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}
