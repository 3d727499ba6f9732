import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobProgress, PickedFile } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { unwrap } from '../../app/query.ts';

export const resultsKeys = { all: ['results'] as const, view: () => [...resultsKeys.all, 'view'] as const, agency: (code: string) => [...resultsKeys.all, 'agency', code] as const };

/** The dashboard from the stored results; asked afresh on each visit (it also says whether the results are out of date). */
export const resultsQuery = { queryKey: resultsKeys.view(), queryFn: () => unwrap(api.resultsGet({})), staleTime: 0 };
export const agencyAreasQuery = (code: string) => ({ queryKey: resultsKeys.agency(code), queryFn: () => unwrap(api.resultsAgency({ agency: code })) });

export function useConsolidate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.resultsConsolidate({})),
    onSuccess: () => void qc.invalidateQueries({ queryKey: resultsKeys.all }),
  });
}

export function useLoadEarlier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: PickedFile) => unwrap(api.resultsLoadEarlier({ file })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: resultsKeys.view() }),
  });
}

/** The consolidation's progress while it runs (events of phase "resultsui.job.consolidate"). */
export function useConsolidateProgress(): JobProgress | null {
  const [p, setP] = useState<JobProgress | null>(null);
  useEffect(() => api.onJobProgress((e) => (e.phase === 'resultsui.job.consolidate' ? setP(e.done === e.total ? null : e) : undefined)), []);
  return p;
}
