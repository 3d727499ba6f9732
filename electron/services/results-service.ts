/**
 * The window's way into the results at Home Affairs: consolidate the open workspace (the same
 * `consolidate` as `parscore consolidate`) and store the results in the workspace
 * (results/results.json, durably); the dashboard from the stored results without re-scoring (parsed
 * once per file version and kept); earlier years' results kept in results/history/ for the trend.
 */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgencyAreasView, ResultsView } from '../../shared/ipc/results.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import { type Results, ResultsV1 } from '../../shared/results/schema.ts';
import { compiledIfAllowed } from '../../shared/schema/versioned.ts';
import { IssueError, issue } from '../../shared/util/issue.ts';
import type * as z from 'zod';
import { consolidate } from './consolidate.ts';
import { agencyAreas, dashboardBase, trendOf } from './results/view.ts';
import { writeFileDurable } from './store/durable-file.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export const RESULTS_DIR = 'results';
export const RESULTS_FILE = 'results/results.json';
export const HISTORY_DIR = 'results/history';
/** The workspace's files whose change makes stored results out of date (imports, appraisals, survey, council decisions, campaign). */
const CHANGE_FILES = ['workspace.json', 'campaign.json', 'survey.json', 'audit.jsonl', 'award-overrides.json'];

export interface ResultsServiceContext {
  ws: WorkspaceStore;
  lang: Lang;
}

let schema: z.ZodType<Results> | null = null;
const checked = () => (schema ??= compiledIfAllowed(ResultsV1));

/** Parsed results by file and version (mtime + size): the dashboard opens from memory after the first read. */
const parsed = new Map<string, { version: string; results: Results; views: Map<Lang, ReturnType<typeof dashboardBase>> }>();

async function version(path: string): Promise<string | null> {
  const st = await stat(path).catch(() => null);
  return st ? `${st.mtimeMs}:${st.size}` : null;
}

/** A results.json, checked against the published schema; cached per version. */
async function readResults(path: string, label: string, trusted: boolean): Promise<Results | null> {
  const v = await version(path);
  if (v === null) return null;
  const hit = parsed.get(path);
  if (hit && hit.version === v) return hit.results;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new IssueError(issue('resultsui.file_unreadable', { file: label }));
  }
  // The workspace's own file was checked when written; an earlier year's file from elsewhere is checked now.
  let results: Results;
  if (trusted) results = data as Results;
  else {
    const r = checked().safeParse(data);
    if (!r.success) throw new IssueError(issue('resultsui.file_invalid', { file: label }));
    results = r.data;
  }
  parsed.set(path, { version: v, results, views: new Map() });
  return results;
}

export class ResultsService {
  constructor(private readonly c: ResultsServiceContext) {}

  private path(rel: string): string {
    return join(this.c.ws.dir, rel);
  }

  /** Consolidates and stores; `onProgress` told per batch of agencies scored. */
  async consolidate(onProgress?: (done: number, total: number) => void): Promise<{ generatedAt: string; agencies: number; ranked: number }> {
    const history = await this.earlier();
    const now = new Date().toISOString();
    const r = await consolidate(this.c.ws, { now, history, allowMissing: false, ...(onProgress ? { onProgress } : {}) });
    if (!r.ok) throw new IssueError(r.error);
    await mkdir(this.path(RESULTS_DIR), { recursive: true });
    await writeFileDurable(this.path(RESULTS_FILE), `${JSON.stringify(r.value)}\n`, { label: RESULTS_FILE });
    return { generatedAt: r.value.generatedAt, agencies: r.value.agencies.length, ranked: r.value.agencies.filter((a) => a.rank !== null).length };
  }

  private async stored(): Promise<Results | null> {
    return readResults(this.path(RESULTS_FILE), RESULTS_FILE, true);
  }

  /** Earlier years' results kept in the workspace, oldest first. */
  private async earlier(): Promise<Results[]> {
    const names = await readdir(this.path(HISTORY_DIR)).catch(() => [] as string[]);
    const out: Results[] = [];
    for (const n of names.filter((x) => x.endsWith('.json')).sort()) {
      const r = await readResults(join(this.path(HISTORY_DIR), n), `${HISTORY_DIR}/${n}`, true);
      if (r) out.push(r);
    }
    return out.sort((a, b) => a.campaign.year - b.campaign.year);
  }

  /** The latest change of the workspace's data (ISO), null when none is known. */
  private async lastChange(): Promise<string | null> {
    let latest = 0;
    for (const f of CHANGE_FILES) {
      const st = await stat(this.path(f)).catch(() => null);
      if (st && st.mtimeMs > latest) latest = st.mtimeMs;
    }
    return latest ? new Date(latest).toISOString() : null;
  }

  async get(): Promise<ResultsView | null> {
    const r = await this.stored();
    if (!r) return null;
    const entry = parsed.get(this.path(RESULTS_FILE))!;
    let base = entry.views.get(this.c.lang);
    if (!base) entry.views.set(this.c.lang, (base = dashboardBase(r, this.c.lang)));
    const lastChange = await this.lastChange();
    return { ...base, file: RESULTS_FILE, lastChange, stale: lastChange !== null && lastChange > r.generatedAt, trend: trendOf(await this.earlier(), r) };
  }

  async agency(code: string): Promise<AgencyAreasView> {
    const r = await this.stored();
    if (!r) throw new IssueError(issue('resultsui.none', {}));
    const entry = parsed.get(this.path(RESULTS_FILE))!;
    let base = entry.views.get(this.c.lang);
    if (!base) entry.views.set(this.c.lang, (base = dashboardBase(r, this.c.lang)));
    const v = agencyAreas(r, base.groups, code, this.c.lang);
    if (!v) throw new IssueError(issue('store.agency_unknown', { agency: code }));
    return v;
  }

  /** Keeps an earlier year's results (checked first; a file that is not results changes nothing). */
  async loadEarlier(path: string, name: string): Promise<{ year: number; campaign: string }> {
    const r = await readResults(path, name, false);
    parsed.delete(path); // a temporary copy: not worth keeping in memory under its temporary name
    if (!r) throw new IssueError(issue('resultsui.file_unreadable', { file: name }));
    const current = await this.stored();
    if (current && current.campaign.id === r.campaign.id) throw new IssueError(issue('resultsui.same_campaign', { file: name }, { year: r.campaign.year }));
    await mkdir(this.path(HISTORY_DIR), { recursive: true });
    await writeFileDurable(join(this.path(HISTORY_DIR), `${r.campaign.id}.json`), `${JSON.stringify(r)}\n`, { label: `${HISTORY_DIR}/${r.campaign.id}.json`, backups: 0 });
    return { year: r.campaign.year, campaign: r.campaign.id };
  }
}
