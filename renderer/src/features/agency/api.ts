import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyAssessmentView, EntryUpdate, ItemUpdate, PickedFile } from '../../../../shared/ipc/index.ts';
import type { ItemInput } from '../../../../shared/schema/index.ts';
import { api } from '../../app/bridge.ts';
import { SAVE_KEY, unwrap } from '../../app/query.ts';
import { workspaceKeys } from '../overview/api.ts';

/**
 * One agency's views, one per criteria set (`set`: an additional template's id such as "iso-9001",
 * null = the ranked template). Invalidating `one(agency)` refreshes every set of the agency.
 */
export const assessmentKeys = {
  all: ['assessment'] as const,
  one: (agency: string) => [...assessmentKeys.all, agency] as const,
  set: (agency: string, set: string | null) => [...assessmentKeys.one(agency), set ?? ''] as const,
};

/** The channels' template choice: absent for the ranked template. */
const choice = (set: string | null) => (set === null ? {} : { template: set });

export const assessmentQuery = (agency: string, set: string | null = null) => ({
  queryKey: assessmentKeys.set(agency, set),
  queryFn: () => unwrap(api.assessmentGet({ agency, ...choice(set) })),
});

/** The view after one item's save: the service's new scores, the item's input and self score. */
function applyUpdate(view: AgencyAssessmentView, item: string, input: ItemInput | null, r: ItemUpdate): AgencyAssessmentView {
  const entries = { ...view.entries };
  const prev = entries[item] ?? { selfScore: null, evidence: [] };
  const next = { ...prev, selfScore: r.item.score };
  if (input) next.input = input;
  else delete next.input;
  entries[item] = next;
  // The shown set's "answered" count moves when an answer appears or goes (the tab above the tree).
  const delta = (input ? 1 : 0) - (prev.input ? 1 : 0);
  const shown = view.additional ?? view.sets[0]?.id;
  const sets = delta === 0 ? view.sets : view.sets.map((x) => (x.id === shown && x.progress ? { ...x, progress: { ...x.progress, answered: x.progress.answered + delta } } : x));
  return { ...view, report: r.report, entries, sets };
}

/** A save of one item's input in one criteria set. */
export interface ItemSave {
  item: string;
  input: ItemInput | null;
  set: string | null;
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
    mutationFn: (v: ItemSave) => unwrap(api.assessmentSetItemInput({ agency, item: v.item, input: v.input, ...choice(v.set) })),
    onSuccess: (r, v) => {
      qc.setQueryData<AgencyAssessmentView>(assessmentKeys.set(agency, v.set), (view) => (view ? applyUpdate(view, v.item, v.input, r) : view));
      // The service's answer is the whole change on this screen (item, ancestors, totals, the set's count):
      // no refetch of the view, which would redraw the whole tree after every answer (bench/ui.ts).
      // The other sets' views are only marked stale, fetched again when shown.
      void qc.invalidateQueries({ queryKey: assessmentKeys.one(agency), refetchType: 'none' });
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}

/** One change to an item's documents or explanation (shared/ipc/entry.ts), in one criteria set (null = the ranked one). */
export type EntryChange = { set: string | null } & (
  | { kind: 'add'; item: string; details: EvidenceDetails; file: PickedFile }
  | { kind: 'edit'; item: string; index: number; details: EvidenceDetails }
  | { kind: 'remove'; item: string; index: number }
  | { kind: 'explain'; item: string; text: string | null }
);

export interface EvidenceDetails {
  docNo: string;
  date: string;
  issuer: string;
  title: string;
}

function callEntry(agency: string, c: EntryChange): Promise<EntryUpdate> {
  const at = { agency, item: c.item, ...choice(c.set) };
  switch (c.kind) {
    case 'add':
      return unwrap(api.entryAddEvidence({ ...at, details: c.details, file: c.file }));
    case 'edit':
      return unwrap(api.entryEditEvidence({ ...at, index: c.index, details: c.details }));
    case 'remove':
      return unwrap(api.entryRemoveEvidence({ ...at, index: c.index }));
    case 'explain':
      return unwrap(api.entrySetExplanation({ ...at, text: c.text }));
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
      qc.setQueryData<AgencyAssessmentView>(assessmentKeys.set(agency, c.set), (view) => {
        if (!view) return view;
        const entries = { ...view.entries };
        const next = { ...(entries[c.item] ?? { selfScore: null, evidence: [] }), evidence: r.evidence };
        if (r.explanation === null) delete next.explanation;
        else next.explanation = r.explanation;
        entries[c.item] = next;
        return { ...view, entries };
      });
      void qc.invalidateQueries({ queryKey: assessmentKeys.one(agency) });
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}
