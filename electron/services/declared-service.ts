/**
 * The window's way into the agency's declared figures, its own bonus and penalty, and its
 * nominations: the same entry services as `parscore figure|bonus|penalty|nomination`, under the
 * window's read-only rule (AppService.entryRule, as setItemInput).
 */
import type { AdjustmentBlockView, AdjustmentsView, DeclaredReadOnly, FiguresView, NominationsView } from '../../shared/ipc/index.ts';
import { formatIssue, type Lang } from '../../shared/i18n/index.ts';
import type { IndicatorValue, Nomination } from '../../shared/schema/index.ts';
import { type AdjustmentBlockName, scoreAssessment } from '../../shared/scoring/index.ts';
import { IssueError, issue } from '../../shared/util/issue.ts';
import { setSelfAdjustment } from './entry/adjustments.ts';
import { resolve } from './entry/context.ts';
import { listFigures, setFigure } from './entry/figures.ts';
import { addNomination, editNomination, listNominations, removeNomination } from './entry/nominations.ts';
import { type LockOptions, requireSelfEntryOpen, selfEntryLock } from './entry/read-only.ts';
import type { WorkspaceStore } from './store/workspace.ts';

/** What AppService hands over (AppService.entryContext). */
export interface DeclaredContext {
  ws: WorkspaceStore;
  lang: Lang;
  now: () => number;
  /** The window's rule for the agency's entries (AppService.entryRule: the deadline, unless the officer chose to go on late). */
  entryRule: (agency: string) => LockOptions;
}

const EMPTY = { items: {}, bonus: {}, penalty: {} };
/** Columns the nomination schema has as optional (absent), not nullable: a null from the form removes them. */
const OPTIONAL_COLUMNS = new Set(['note']);

export class DeclaredService {
  constructor(private readonly c: DeclaredContext) {}

  private known(agency: string): void {
    if (!this.c.ws.index.agencies.some((a) => a.code === agency)) throw new IssueError(issue('store.agency_unknown', { agency }));
  }

  /** The reason shown on the agency's own screen (without "cơ quan X:" in front), or null. */
  async readOnly(agency: string): Promise<DeclaredReadOnly> {
    this.known(agency);
    const lock = await selfEntryLock(this.c.ws, agency, this.c.entryRule(agency));
    if (!lock) return null;
    const { agency: _named, ...where } = lock.at ?? {};
    return { code: lock.code, reason: formatIssue(this.c.lang, { ...lock, at: where }) };
  }

  private async open(agency: string): Promise<void> {
    this.known(agency);
    await requireSelfEntryOpen(this.c.ws, agency, this.c.entryRule(agency));
  }

  async figures(agency: string): Promise<FiguresView> {
    this.known(agency);
    const r = resolve(this.c.ws, { agency });
    return { template: { id: r.template.id, title: r.template.title }, figures: await listFigures(this.c.ws, { agency }), readOnly: await this.readOnly(agency) };
  }

  async setFigure(agency: string, code: string, value: { text: string } | IndicatorValue): Promise<{ code: string; value: IndicatorValue; changed: boolean }> {
    await this.open(agency);
    const r = await setFigure(this.c.ws, code, value, { agency });
    return { code, ...r };
  }

  async adjustments(agency: string): Promise<AdjustmentsView> {
    this.known(agency);
    const r = resolve(this.c.ws, { agency });
    const a = await this.c.ws.readAssessment(agency);
    const block = (name: AdjustmentBlockName): AdjustmentBlockView => {
      const stored = a?.[name] ?? {};
      const items = r.template[name].items.map((i) => {
        const e = Object.hasOwn(stored, i.code) ? stored[i.code] : undefined;
        return { code: i.code, title: i.title, max: i.max, points: e?.points ?? null, note: e?.note ?? null };
      });
      return { cap: r.template[name].cap, total: items.reduce((s, i) => s + (i.points ?? 0), 0), items };
    };
    const { report } = scoreAssessment(r.ct, a ?? EMPTY);
    return { bonus: block('bonus'), penalty: block('penalty'), total: report.total, max: report.max, readOnly: await this.readOnly(agency) };
  }

  async setAdjustment(agency: string, block: AdjustmentBlockName, code: string, points: number | null, note?: string): Promise<AdjustmentsView & { changed: boolean }> {
    await this.open(agency);
    const { changed } = await setSelfAdjustment(this.c.ws, block, code, points, note === undefined ? { agency } : { agency, note });
    return { ...(await this.adjustments(agency)), changed };
  }

  async nominations(agency: string): Promise<NominationsView> {
    this.known(agency);
    const rules = this.c.ws.campaign()?.commendation ?? { collectives: [], individuals: [] };
    return {
      nominations: await listNominations(this.c.ws),
      awards: { collective: rules.collectives.map((x) => ({ id: x.id, award: x.award })), individual: rules.individuals.map((x) => ({ id: x.id, award: x.award })) },
      readOnly: await this.readOnly(agency),
    };
  }

  async addNomination(agency: string, columns: Record<string, unknown>): Promise<{ nomination: Nomination }> {
    await this.open(agency);
    const raw = Object.fromEntries(Object.entries(columns).filter(([k, v]) => !(v === null && OPTIONAL_COLUMNS.has(k))));
    return { nomination: await addNomination(this.c.ws, raw) };
  }

  async editNomination(agency: string, id: string, patch: Record<string, unknown>): Promise<{ nomination: Nomination; changed: boolean }> {
    await this.open(agency);
    // A null optional column is removed (the service removes an undefined one).
    const p = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === null && OPTIONAL_COLUMNS.has(k) ? undefined : v]));
    return editNomination(this.c.ws, id, p);
  }

  async removeNomination(agency: string, id: string): Promise<{ nomination: Nomination }> {
    await this.open(agency);
    return { nomination: await removeNomination(this.c.ws, id) };
  }
}
