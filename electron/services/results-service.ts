/**
 * The window's way into the results at Home Affairs: consolidate the open workspace (the same
 * `consolidate` as `parscore consolidate`) and store the results in the workspace
 * (results/results.json, durably), with the dashboard of each language beside it
 * (results/dashboard.<lang>.json: the dashboard opens without reading or re-scoring the results);
 * earlier years' results kept in results/history/ for the comparison and the trend.
 */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgencyAreasView, ResultsView } from '../../shared/ipc/results.ts';
import { LANGS, type Lang } from '../../shared/i18n/index.ts';
import { type Results, ResultsV1 } from '../../shared/results/schema.ts';
import { compiledIfAllowed } from '../../shared/schema/versioned.ts';
import { IssueError, issue } from '../../shared/util/issue.ts';
import type * as z from 'zod';
import { consolidate } from './consolidate.ts';
import { type DashboardCache, type TrendSource, agencyAreas, dashboardCache, trendOf, trendSource } from './results/view.ts';
import { writeFileDurable } from './store/durable-file.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export const RESULTS_DIR = 'results';
export const RESULTS_FILE = 'results/results.json';
export const HISTORY_DIR = 'results/history';
const dashboardFile = (lang: Lang) => `results/dashboard.${lang}.json`;
/** Beside each earlier year's results: what the trend needs of it (the file itself is read only to consolidate). */
const TREND_SUFFIX = '.trend.json';
/** The workspace's files whose change makes stored results out of date (imports, appraisals, survey, council decisions, campaign). */
const CHANGE_FILES = ['workspace.json', 'campaign.json', 'survey.json', 'audit.jsonl', 'award-overrides.json'];

export interface ResultsServiceContext {
  ws: WorkspaceStore;
  lang: Lang;
}

let schema: z.ZodType<Results> | null = null;
const checked = () => (schema ??= compiledIfAllowed(ResultsV1));

/** Parsed files by path and version (mtime + size): the dashboard opens from memory after the first read. */
const parsed = new Map<string, { version: string; value: unknown }>();

async function version(path: string): Promise<{ key: string; mtimeMs: number } | null> {
  const st = await stat(path).catch(() => null);
  return st ? { key: `${st.mtimeMs}:${st.size}`, mtimeMs: st.mtimeMs } : null;
}

/** A JSON file of the service, cached per version; null when absent. */
async function readJson<T>(path: string, label: string, check?: (data: unknown) => T): Promise<T | null> {
  const v = await version(path);
  if (v === null) return null;
  const hit = parsed.get(path);
  if (hit && hit.version === v.key) return hit.value as T;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new IssueError(issue('resultsui.file_unreadable', { file: label }));
  }
  const value = check ? check(data) : (data as T);
  parsed.set(path, { version: v.key, value });
  return value;
}

/** An earlier year's results from elsewhere: checked against the published schema. */
function checkResults(label: string) {
  return (data: unknown): Results => {
    const r = checked().safeParse(data);
    if (!r.success) throw new IssueError(issue('resultsui.file_invalid', { file: label }));
    return r.data;
  };
}

export class ResultsService {
  constructor(private readonly c: ResultsServiceContext) {}

  private path(rel: string): string {
    return join(this.c.ws.dir, rel);
  }

  /** Consolidates and stores the results and each language's dashboard; `onProgress` told per batch of agencies scored. */
  async consolidate(onProgress?: (done: number, total: number) => void): Promise<{ generatedAt: string; agencies: number; ranked: number }> {
    const history = await this.earlierResults();
    const r = await consolidate(this.c.ws, { now: new Date().toISOString(), history, allowMissing: false, ...(onProgress ? { onProgress } : {}) });
    if (!r.ok) throw new IssueError(r.error);
    await mkdir(this.path(RESULTS_DIR), { recursive: true });
    await writeFileDurable(this.path(RESULTS_FILE), `${JSON.stringify(r.value)}\n`, { label: RESULTS_FILE });
    // Written after results.json: a dashboard older than the results is never used (see `dashboard`).
    for (const lang of LANGS) await this.writeDashboard(dashboardCache(r.value, lang));
    return { generatedAt: r.value.generatedAt, agencies: r.value.agencies.length, ranked: r.value.agencies.filter((a) => a.rank !== null).length };
  }

  private writeDashboard(d: DashboardCache): Promise<void> {
    return writeFileDurable(this.path(dashboardFile(d.lang)), JSON.stringify(d), { label: dashboardFile(d.lang), backups: 0 });
  }

  /**
   * The dashboard of the window's language: the stored one when it is not older than results.json,
   * else built from results.json (written by `parscore consolidate --out <workspace>/results`, or
   * before this version) and stored for the next time. Null without results.
   */
  private async dashboard(): Promise<DashboardCache | null> {
    const results = await version(this.path(RESULTS_FILE));
    if (!results) return null;
    const file = this.path(dashboardFile(this.c.lang));
    const own = await version(file);
    if (own && own.mtimeMs >= results.mtimeMs) {
      const d = await readJson<DashboardCache>(file, dashboardFile(this.c.lang)).catch(() => null);
      if (d?.kind === 'parscore.dashboard-cache' && d.lang === this.c.lang) return d;
    }
    const r = await readJson<Results>(this.path(RESULTS_FILE), RESULTS_FILE, checkResults(RESULTS_FILE));
    if (!r) return null;
    const d = dashboardCache(r, this.c.lang);
    await this.writeDashboard(d).catch(() => undefined); // read-only folder: built again next time
    return d;
  }

  /** Earlier years' results kept in the workspace (for consolidation's comparison), oldest first. */
  private async earlierResults(): Promise<Results[]> {
    const out: Results[] = [];
    for (const n of await this.historyNames()) {
      const r = await readJson<Results>(join(this.path(HISTORY_DIR), n), `${HISTORY_DIR}/${n}`);
      if (r) out.push(r);
    }
    return out.sort((a, b) => a.campaign.year - b.campaign.year);
  }

  private async historyNames(): Promise<string[]> {
    const names = await readdir(this.path(HISTORY_DIR)).catch(() => [] as string[]);
    return names.filter((x) => x.endsWith('.json') && !x.endsWith(TREND_SUFFIX)).sort();
  }

  private async earlierTrend(): Promise<TrendSource[]> {
    const out: TrendSource[] = [];
    for (const n of await this.historyNames()) {
      const rel = `${HISTORY_DIR}/${n.slice(0, -'.json'.length)}${TREND_SUFFIX}`;
      const t = await readJson<TrendSource>(this.path(rel), rel).catch(() => null);
      if (t) out.push(t);
    }
    return out;
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
    const d = await this.dashboard();
    if (!d) return null;
    const { base } = d;
    const lastChange = await this.lastChange();
    const current: TrendSource = { year: base.campaign.year, groups: base.groups.map((g) => ({ group: g.group, averageIndex: g.averageIndex, submitted: g.submitted, agencies: g.agencies })) };
    return { ...base, file: RESULTS_FILE, lastChange, stale: lastChange !== null && lastChange > base.generatedAt, trend: trendOf(await this.earlierTrend(), current) };
  }

  async agency(code: string): Promise<AgencyAreasView> {
    const d = await this.dashboard();
    if (!d) throw new IssueError(issue('resultsui.none', {}));
    const v = agencyAreas(d, code, this.c.lang);
    if (!v) throw new IssueError(issue('store.agency_unknown', { agency: code }));
    return v;
  }

  /** Keeps an earlier year's results (checked first; a file that is not results changes nothing). */
  async loadEarlier(path: string, name: string): Promise<{ year: number; campaign: string }> {
    let r: Results | null;
    try {
      r = await readJson<Results>(path, name, checkResults(name));
    } finally {
      parsed.delete(path); // a temporary copy: not kept in memory under its temporary name
    }
    if (!r) throw new IssueError(issue('resultsui.file_unreadable', { file: name }));
    const current = await this.dashboard();
    if (current && current.base.campaign.id === r.campaign.id) throw new IssueError(issue('resultsui.same_campaign', { file: name }, { year: r.campaign.year }));
    await mkdir(this.path(HISTORY_DIR), { recursive: true });
    const rel = `${HISTORY_DIR}/${r.campaign.id}`;
    await writeFileDurable(this.path(`${rel}.json`), `${JSON.stringify(r)}\n`, { label: `${rel}.json`, backups: 0 });
    await writeFileDurable(this.path(`${rel}${TREND_SUFFIX}`), JSON.stringify(trendSource(r)), { label: `${rel}${TREND_SUFFIX}`, backups: 0 });
    return { year: r.campaign.year, campaign: r.campaign.id };
  }
}
