import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdjustmentsView, FiguresView } from '../../../../shared/ipc/index.ts';
import type { IndicatorValue } from '../../../../shared/schema/index.ts';
import { api } from '../../app/bridge.ts';
import { SAVE_KEY, unwrap } from '../../app/query.ts';
import { assessmentKeys } from '../agency/api.ts';
import { workspaceKeys } from '../overview/api.ts';

export const declaredKeys = {
  all: ['declared'] as const,
  figures: (agency: string) => [...declaredKeys.all, 'figures', agency] as const,
  adjustments: (agency: string) => [...declaredKeys.all, 'adjustments', agency] as const,
};

export const figuresQuery = (agency: string) => ({ queryKey: declaredKeys.figures(agency), queryFn: () => unwrap(api.figuresList({ agency })) });
export const adjustmentsQuery = (agency: string) => ({ queryKey: declaredKeys.adjustments(agency), queryFn: () => unwrap(api.adjustmentsList({ agency })) });

/** Saves one figure (a typed value, or `{ text }` for main to read and refuse in the figure's words); in order with the agency's other saves. */
export function useSetFigure(agency: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `assessment:${agency}` },
    mutationFn: (v: { code: string; value: { text: string } | IndicatorValue }) => unwrap(api.figuresSet({ agency, code: v.code, value: v.value })),
    onSuccess: (r) => {
      qc.setQueryData<FiguresView>(declaredKeys.figures(agency), (view) => (view ? { ...view, figures: view.figures.map((f) => (f.def.code === r.code ? { ...f, value: r.value } : f)) } : view));
      // The check before sending and the overview count figures too.
      void qc.invalidateQueries({ queryKey: assessmentKeys.one(agency) });
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}

/** Saves one bonus or penalty item (points and reason); the answer holds both blocks and the totals. */
export function useSetAdjustment(agency: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `assessment:${agency}` },
    mutationFn: (v: { block: 'bonus' | 'penalty'; code: string; points: number | null; note?: string }) =>
      unwrap(api.adjustmentsSet({ agency, block: v.block, code: v.code, points: v.points, ...(v.note !== undefined ? { note: v.note } : {}) })),
    onSuccess: (r) => {
      const { changed: _changed, ...view } = r;
      qc.setQueryData<AdjustmentsView>(declaredKeys.adjustments(agency), view);
      void qc.invalidateQueries({ queryKey: assessmentKeys.one(agency) });
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}
