import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { unwrap } from '../../app/query.ts';

/** Query keys of the workspace as a whole; saves elsewhere invalidate `workspaceKeys.all`. */
export const workspaceKeys = { all: ['workspace'] as const, summary: () => [...workspaceKeys.all, 'summary'] as const };

export const summaryQuery = { queryKey: workspaceKeys.summary(), queryFn: () => unwrap(api.workspaceSummary({})) };

/** The latest progress of the summary job while it runs (its events carry phase "shell.job.summary"). */
export function useSummaryProgress(): JobProgress | null {
  const [p, setP] = useState<JobProgress | null>(null);
  useEffect(() => api.onJobProgress((e) => (e.phase === 'shell.job.summary' ? setP(e.done === e.total ? null : e) : undefined)), []);
  return p;
}
