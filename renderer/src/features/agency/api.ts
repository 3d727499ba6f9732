import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyAssessmentView, EntryUpdate, ItemUpdate, PickedFile } from '../../../../shared/ipc/index.ts';
import type { ItemInput } from '../../../../shared/schema/index.ts';
import { api } from '../../app/bridge.ts';
import { SAVE_KEY, unwrap } from '../../app/query.ts';
import { workspaceKeys } from '../overview/api.ts';

export const assessmentKeys = { all: ['assessment'] as const, one: (agency: string) => [...assessmentKeys.all, agency] as const };

export const assessmentQuery = (agency: string) => ({ queryKey: assessmentKeys.one(agency), queryFn: () => unwrap(api.assessmentGet({ agency })) });

/** The view after one item's save: the service's new scores, the item's input and self score. */
function applyUpdate(view: AgencyAssessmentView, item: string, input: ItemInput | null, r: ItemUpdate): AgencyAssessmentView {
  if (!view.assessment) return { ...view, report: r.report };
  const items = { ...view.assessment.items };
  const prev = items[item] ?? { selfScore: null, evidence: [] };
  const next = { ...prev, selfScore: r.item.score };
  if (input) next.input = input;
  else delete next.input;
  items[item] = next;
  return { ...view, report: r.report, assessment: { ...view.assessment, items } };
}

/**
 * Saves one item's input. Saves of one agency run in order (scope); the overview's scores are
 * stale afterwards and refetched when shown.
 */
export function useSetItemInput(agency: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `assessment:${agency}` },
    mutationFn: (v: { item: string; input: ItemInput | null }) => unwrap(api.assessmentSetItemInput({ agency, item: v.item, input: v.input })),
    onSuccess: (r, v) => {
      qc.setQueryData<AgencyAssessmentView>(assessmentKeys.one(agency), (view) => (view ? applyUpdate(view, v.item, v.input, r) : view));
      // The service's answer is shown at once; the refetch brings what else the save changed.
      void qc.invalidateQueries({ queryKey: assessmentKeys.one(agency) });
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}

/** One change to an item's documents or explanation (shared/ipc/entry.ts). */
export type EntryChange =
  | { kind: 'add'; item: string; details: EvidenceDetails; file: PickedFile }
  | { kind: 'edit'; item: string; index: number; details: EvidenceDetails }
  | { kind: 'remove'; item: string; index: number }
  | { kind: 'explain'; item: string; text: string | null };

export interface EvidenceDetails {
  docNo: string;
  date: string;
  issuer: string;
  title: string;
}

function callEntry(agency: string, c: EntryChange): Promise<EntryUpdate> {
  switch (c.kind) {
    case 'add':
      return unwrap(api.entryAddEvidence({ agency, item: c.item, details: c.details, file: c.file }));
    case 'edit':
      return unwrap(api.entryEditEvidence({ agency, item: c.item, index: c.index, details: c.details }));
    case 'remove':
      return unwrap(api.entryRemoveEvidence({ agency, item: c.item, index: c.index }));
    case 'explain':
      return unwrap(api.entrySetExplanation({ agency, item: c.item, text: c.text }));
  }
}

/** Adds, edits, removes a document or sets the explanation; in order with the agency's other saves. */
export function useEntryChange(agency: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `assessment:${agency}` },
    mutationFn: (c: EntryChange) => callEntry(agency, c),
    onSuccess: (r, c) => {
      qc.setQueryData<AgencyAssessmentView>(assessmentKeys.one(agency), (view) => {
        if (!view?.assessment) return view;
        const items = { ...view.assessment.items };
        const next = { ...(items[c.item] ?? { selfScore: null, evidence: [] }), evidence: r.evidence };
        if (r.explanation === null) delete next.explanation;
        else next.explanation = r.explanation;
        items[c.item] = next;
        return { ...view, assessment: { ...view.assessment, items } };
      });
      void qc.invalidateQueries({ queryKey: assessmentKeys.one(agency) });
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}
