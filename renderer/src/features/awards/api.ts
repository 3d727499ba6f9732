import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AwardsView, WrittenReport } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { SAVE_KEY, unwrap } from '../../app/query.ts';
import { download } from '../send/api.ts';

export const awardsKeys = {
  all: ['awards'] as const,
  view: () => [...awardsKeys.all, 'view'] as const,
  rules: () => [...awardsKeys.all, 'rules'] as const,
};

export const awardsQuery = () => ({ queryKey: awardsKeys.view(), queryFn: () => unwrap(api.awardsView({})) });
export const rulesQuery = () => ({ queryKey: awardsKeys.rules(), queryFn: () => unwrap(api.awardsRules({})) });

export interface DecisionInput {
  rule: string;
  agency: string;
  subject: string;
  action: 'include' | 'exclude' | 'remove';
  reason: string;
}

/** The council's decision (or its withdrawal): the answer is the lists as they now stand. The audit view shows it too. */
export function useDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: SAVE_KEY,
    mutationFn: ({ action, ...s }: DecisionInput) => unwrap(action === 'remove' ? api.awardsRemoveOverride(s) : api.awardsOverride({ ...s, action })),
    onSuccess: (view: AwardsView) => {
      qc.setQueryData(awardsKeys.view(), view);
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** A written file handed over: saved where the user said (Electron) or downloaded (browser mode). */
export function handOver(r: WrittenReport): WrittenReport {
  if (r.base64) download(r.fileName, r.base64);
  return r;
}

export function useExportList() {
  return useMutation({ mutationFn: async () => handOver(await unwrap(api.awardsExportList({}))) });
}
