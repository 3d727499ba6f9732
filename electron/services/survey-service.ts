/**
 * The window's way into the sociological survey at Home Affairs: the blank form, a preview of a
 * file (per agency score, or every row error with its sheet, row and column) before anything is
 * stored, storing it (the same importSurveyFile as `parscore survey import`), and the stored scores.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SurveyAgencyScore, SurveyPreview, SurveyScoresView, SurveyStored } from '../../shared/ipc/survey.ts';
import type { WrittenReport } from '../../shared/ipc/report.ts';
import { formatIssue, type Lang } from '../../shared/i18n/index.ts';
import type { Template } from '../../shared/schema/index.ts';
import { IssueError, issue } from '../../shared/util/issue.ts';
import type { WorkspaceStore } from './store/workspace.ts';
import { importSurveyFile, surveyContext } from './survey/import.ts';
import { type SurveyContext, readSurveyXlsx, writeSurveyForm } from './xlsx-import/survey.ts';

export interface SurveyServiceContext {
  ws: WorkspaceStore;
  lang: Lang;
}

type Saver = (fileName: string) => Promise<((bytes: Uint8Array) => Promise<string>) | null>;

/** Each survey item's points, per group (the ranked template's SURVEY leaves). */
function itemPoints(ws: WorkspaceStore): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const campaign = ws.campaign();
  if (!campaign) return out;
  for (const [group, ref] of Object.entries(campaign.templates)) {
    const t: Template | null = ref ? ws.template(ref) : null;
    if (!t) continue;
    const parents = new Set(t.items.map((i) => i.parent).filter((p): p is string => p !== null));
    out.set(group, new Map(t.items.filter((i) => i.survey && i.rule?.type === 'SURVEY' && !parents.has(i.code)).map((i) => [i.code, i.max])));
  }
  return out;
}

/** Per agency: points = Σ percent × item points ÷ 100 over the items with a value (what scoring gives the survey items). */
export function surveyScores(ws: WorkspaceStore, ctx: SurveyContext, results: Record<string, Record<string, number>>, respondents: Record<string, number>): SurveyAgencyScore[] {
  const points = itemPoints(ws);
  return ctx.agencies.map((a) => {
    const items = points.get(a.group) ?? new Map<string, number>();
    const values = results[a.code];
    let score: number | null = null;
    let n = 0;
    let max = 0;
    for (const [code, pts] of items) {
      max += pts;
      const pct = values?.[code];
      if (pct === undefined) continue;
      n++;
      score = (score ?? 0) + (pts * pct) / 100;
    }
    return { code: a.code, name: a.name, group: a.group, score: score === null ? null : Math.round(score * 100) / 100, max: Math.round(max * 100) / 100, items: n, of: items.size, respondents: respondents[a.code] ?? null };
  });
}

export class SurveyService {
  constructor(private readonly c: SurveyServiceContext) {}

  private context(): SurveyContext {
    const r = surveyContext(this.c.ws);
    if (!r.ok) throw new IssueError(r.error);
    return r.value;
  }

  /** The blank form; `save` as the reports (Electron's dialog), else its bytes for the window to download. */
  async form(mode: 'scores' | 'answers', save?: Saver): Promise<WrittenReport> {
    const bytes = new Uint8Array(await writeSurveyForm(mode, this.context(), this.c.lang));
    const fileName = this.c.lang === 'en' ? `survey-form-${mode}.xlsx` : `mau-dieu-tra-${mode === 'scores' ? 'diem' : 'phuong-an'}.xlsx`;
    if (!save) return { fileName, savedTo: null, base64: Buffer.from(bytes).toString('base64') };
    const write = await save(fileName);
    return { fileName, savedTo: write ? await write(bytes) : null, base64: null };
  }

  /** What the file holds, or every problem of it, in the user's words; nothing is stored. */
  async preview(path: string, name = basename(path)): Promise<SurveyPreview> {
    const ctx = this.context();
    const read = await readSurveyXlsx(await readFile(path), name, ctx);
    if (!read.ok) return { file: name, mode: null, rows: 0, errors: read.error.map((i) => formatIssue(this.c.lang, i)), agencies: [] };
    const inFile = new Set(Object.keys(read.value.results));
    const agencies = surveyScores(this.c.ws, ctx, read.value.results, read.value.respondents).filter((a) => inFile.has(a.code));
    return { file: name, mode: read.value.mode, rows: read.value.rows, errors: [], agencies };
  }

  /** Stores the file: all or nothing, as `parscore survey import`. */
  async store(path: string): Promise<SurveyStored> {
    const r = await importSurveyFile(this.c.ws, path);
    if (!r.ok) throw new IssueError(r.error);
    return r.value;
  }

  /** The stored survey scores (one agency's with `agency`). */
  async scores(agency?: string): Promise<SurveyScoresView> {
    const ctx = this.context();
    if (agency !== undefined && !ctx.agencies.some((a) => a.code === agency)) throw new IssueError(issue('store.agency_unknown', { agency }));
    const survey = await this.c.ws.readSurvey();
    const sources = survey?.sources ?? [];
    const all = surveyScores(this.c.ws, agency === undefined ? ctx : { ...ctx, agencies: ctx.agencies.filter((a) => a.code === agency) }, survey?.results ?? {}, survey?.respondents ?? {});
    return { importedAt: sources.at(-1)?.importedAt ?? null, sources, agencies: all };
  }
}
