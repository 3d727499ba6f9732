/** The agency's own bonus and penalty (điểm thưởng, điểm trừ): one adjustment item's points and note. */
import { type AdjustmentBlockName, leq, scoreAssessment, setAdjustment } from '../../../shared/scoring/index.ts';
import type { ScoreReport } from '../../../shared/scoring/index.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { changeAssessment, resolve } from './context.ts';

/**
 * Sets (points ≥ 0) or clears (null) one bonus/penalty item of the ranked template. Refused: unknown
 * code, points above the item's max (the engine's check), the block's total above its cap.
 */
export async function setSelfAdjustment(
  ws: WorkspaceStore,
  block: AdjustmentBlockName,
  code: string,
  points: number | null,
  opts: { agency?: string; note?: string } = {},
): Promise<{ report: ScoreReport; changed: boolean }> {
  const r = resolve(ws, opts.agency === undefined ? {} : { agency: opts.agency });
  const { value, changed } = await changeAssessment(ws, r, (a) => {
    const s = setAdjustment(r.ct, a, block, code, points);
    if (!s.ok) throw new IssueError(s.error.map((i) => ({ ...i, at: { ...i.at, agency: r.agency.code } })));
    let next = s.value.assessment;
    if (points !== null && opts.note !== undefined) {
      const note = opts.note.trim();
      const { points: p } = next[block][code]!;
      const entry = note ? { points: p, note } : { points: p };
      next = { ...next, [block]: { ...next[block], [code]: entry } };
    }
    const cap = r.template[block].cap;
    const total = Object.values(next[block]).reduce((sum, e) => sum + e.points, 0);
    if (!leq(total, cap)) {
      throw new IssueError(issue(`entry.${block}_above_cap`, { agency: r.agency.code, template: r.template.id, item: code, field: 'points' }, { total, cap }));
    }
    return { next, value: scoreAssessment(r.ct, next).report };
  });
  return { report: value, changed };
}
