import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyStatus } from '../../../../shared/schema/index.ts';
import type { ReviewView } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { SAVE_KEY, unwrap } from '../../app/query.ts';
import { workspaceKeys } from '../overview/api.ts';
import { download } from '../send/api.ts';

/**
 * Home Affairs' appraisal of one agency, one view per criteria set (`set`: an additional template's
 * id, null = the ranked one). Invalidating `one(agency)` refreshes every set of the agency.
 */
export const reviewKeys = {
  all: ['review'] as const,
  one: (agency: string) => [...reviewKeys.all, agency] as const,
  set: (agency: string, set: string | null) => [...reviewKeys.one(agency), set ?? ''] as const,
};

const choice = (set: string | null) => (set === null ? {} : { template: set });

export const reviewQuery = (agency: string, set: string | null) => ({
  queryKey: reviewKeys.set(agency, set),
  queryFn: () => unwrap(api.reviewGet({ agency, ...choice(set) })),
});

/** After a change: the shown set's view is the service's answer; the other sets and the overview's statuses are stale. */
function useAfter(agency: string, set: string | null) {
  const qc = useQueryClient();
  return (v: ReviewView) => {
    qc.setQueryData(reviewKeys.set(agency, set), v);
    void qc.invalidateQueries({ queryKey: reviewKeys.one(agency), refetchType: 'none' });
    void qc.invalidateQueries({ queryKey: workspaceKeys.all });
  };
}

/** After a change to the agency as a whole (status, falsified mark): every set's view is fetched again. */
function useRefresh(agency: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: reviewKeys.one(agency) });
    void qc.invalidateQueries({ queryKey: workspaceKeys.all });
  };
}

export interface ScoreSave {
  item: string;
  score: number | null;
  comment?: string;
  round: 1 | 2;
}

/** Saves of one agency's appraisal run in order (scope), like the officer's saves. */
export function useSetScore(agency: string, set: string | null) {
  const after = useAfter(agency, set);
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `review:${agency}` },
    mutationFn: (v: ScoreSave) => unwrap(api.reviewSetScore({ agency, ...choice(set), item: v.item, score: v.score, round: v.round, ...(v.comment !== undefined ? { comment: v.comment } : {}) })),
    onSuccess: after,
  });
}

export function useSetAdjustment(agency: string) {
  const after = useAfter(agency, null);
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `review:${agency}` },
    mutationFn: (v: { block: 'bonus' | 'penalty'; code: string; points: number | null; note?: string }) => unwrap(api.reviewSetAdjustment({ agency, ...v })),
    onSuccess: after,
  });
}

/** A status change touches every set of the agency (its status and what may be changed). */
export function useSetStatus(agency: string) {
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `review:${agency}` },
    mutationFn: (v: { status: AgencyStatus; reason?: string }) => unwrap(api.reviewSetStatus({ agency, status: v.status, ...(v.reason ? { reason: v.reason } : {}) })),
    onSuccess: useRefresh(agency),
  });
}

export function useSetFalsified(agency: string) {
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `review:${agency}` },
    mutationFn: (v: { value: boolean; reason: string }) => unwrap(api.reviewSetFalsified({ agency, ...v })),
    onSuccess: useRefresh(agency),
  });
}

/** The agency's appraisal file: Electron saves it through its dialog; the browser mode downloads it. */
export function useExportOne(agency: string) {
  return useMutation({
    mutationFn: () => unwrap(api.reviewExport({ agency })),
    onSuccess: (r) => {
      if (r.base64) download(r.fileName, r.base64);
    },
  });
}

export function useExportAll() {
  return useMutation({ mutationFn: (v: { folder: string; overwrite: boolean; jobId: string }) => unwrap(api.reviewExportAll(v)) });
}

/** A document the agency sent: opened by the system (Electron) or downloaded (browser mode). */
export function useOpenEvidence(agency: string) {
  return useMutation({
    mutationFn: (v: { sha256: string; fileName?: string }) => unwrap(api.reviewEvidence({ agency, ...v })),
    onSuccess: (r) => {
      if (r.base64) download(r.fileName, r.base64);
    },
  });
}
