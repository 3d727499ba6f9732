/** Declared figures (số liệu kê khai): set, clear and list, through the one check of a figure. */
import { checkFigure, parseFigureText } from '../../../shared/indicators/validate.ts';
import type { Indicator, IndicatorValue } from '../../../shared/schema/index.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { changeAssessment, resolve } from './context.ts';

function definition(ws: WorkspaceStore, code: string, agency?: string): { def: Indicator; r: ReturnType<typeof resolve> } {
  const r = resolve(ws, agency === undefined ? {} : { agency });
  const def = r.template.indicators.find((d) => d.code === code);
  if (!def) throw new IssueError(issue('figure.unknown', { agency: r.agency.code, template: r.template.id, item: code, field: 'code' }, { code, value: '—' }));
  return { def, r };
}

/**
 * Sets one declared figure from a value (`text`: as typed, read by the figure's type; else the typed
 * value) or clears it (null). Refused with the figure catalogue's messages: unknown code, wrong type,
 * a negative or fractional count, out of range.
 */
export async function setFigure(ws: WorkspaceStore, code: string, value: { text: string } | IndicatorValue, opts: { agency?: string } = {}): Promise<{ value: IndicatorValue; changed: boolean }> {
  const { def, r } = definition(ws, code, opts.agency);
  const at = { agency: r.agency.code, template: r.template.id };
  const checked = value !== null && typeof value === 'object' ? parseFigureText(def, value.text, at) : checkFigure(def, value, at);
  if (!checked.ok) throw new IssueError(checked.error);
  const v = checked.value;
  const { changed } = await changeAssessment(ws, r, (a) => {
    const indicators = { ...a.indicators };
    if (v === null) delete indicators[code];
    else indicators[code] = v;
    return { next: { ...a, indicators }, value: null };
  });
  return { value: v, changed };
}

/** Every figure of the ranked template with the value declared (null when not declared). */
export async function listFigures(ws: WorkspaceStore, opts: { agency?: string } = {}): Promise<{ def: Indicator; value: IndicatorValue }[]> {
  const r = resolve(ws, opts.agency === undefined ? {} : { agency: opts.agency });
  const a = await ws.readAssessment(r.agency.code);
  return r.template.indicators.map((def) => ({ def, value: a && Object.hasOwn(a.indicators, def.code) ? (a.indicators[def.code] ?? null) : null }));
}
