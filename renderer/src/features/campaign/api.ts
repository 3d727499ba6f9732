import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignSetupView, WrittenReport } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { SAVE_KEY, unwrap } from '../../app/query.ts';
import { workspaceKeys } from '../overview/api.ts';
import { download } from '../send/api.ts';

export const campaignKeys = { all: ['campaign'] as const, state: () => [...campaignKeys.all, 'state'] as const, tree: (ref: string) => [...campaignKeys.all, 'tree', ref] as const };

export const campaignStateQuery = { queryKey: campaignKeys.state(), queryFn: () => unwrap(api.campaignState({})) };

/**
 * A step's save: the view the service answers replaces the set-up's, and the summary (status bar,
 * overview, the "no campaign yet" notice) is asked again.
 */
export function useCampaignSave<I>(call: (input: I) => Promise<CampaignSetupView>, opts: { typed: boolean } = { typed: true }) {
  const qc = useQueryClient();
  return useMutation({
    // A step's typed values carry the save key (the status bar's save state); a file refused is not a failed save.
    ...(opts.typed ? { mutationKey: SAVE_KEY } : {}),
    scope: { id: 'campaign' },
    mutationFn: call,
    onSuccess: (v) => {
      qc.setQueryData(campaignKeys.state(), v);
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}

/** A file the service wrote: Electron saved it through its dialog; the browser mode downloads it. */
export function handOver(r: WrittenReport): void {
  if (r.base64) download(r.fileName, r.base64);
}

export const call = {
  create: (i: Parameters<typeof api.campaignCreate>[0]) => unwrap(api.campaignCreate(i)),
  setBasics: (i: Parameters<typeof api.campaignSetBasics>[0]) => unwrap(api.campaignSetBasics(i)),
  setAgencies: (i: Parameters<typeof api.campaignSetAgencies>[0]) => unwrap(api.campaignSetAgencies(i)),
  setTemplates: (i: Parameters<typeof api.campaignSetTemplates>[0]) => unwrap(api.campaignSetTemplates(i)),
  setDeadlines: (i: Parameters<typeof api.campaignSetDeadlines>[0]) => unwrap(api.campaignSetDeadlines(i)),
  setRules: (i: Parameters<typeof api.campaignSetRules>[0]) => unwrap(api.campaignSetRules(i)),
  setIssuer: (i: Parameters<typeof api.campaignSetIssuer>[0]) => unwrap(api.campaignSetIssuer(i)),
};
