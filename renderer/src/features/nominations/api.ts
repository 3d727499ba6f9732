import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/bridge.ts';
import { SAVE_KEY, unwrap } from '../../app/query.ts';
import { workspaceKeys } from '../overview/api.ts';

export const nominationKeys = { all: ['nominations'] as const, one: (agency: string) => [...nominationKeys.all, agency] as const };

export const nominationsQuery = (agency: string) => ({ queryKey: nominationKeys.one(agency), queryFn: () => unwrap(api.nominationsList({ agency })) });

export type NominationChange =
  | { kind: 'add'; columns: Record<string, string | number | null> }
  | { kind: 'edit'; id: string; columns: Record<string, string | number | null> }
  | { kind: 'remove'; id: string };

async function call(agency: string, c: NominationChange): Promise<{ id: string; changed: boolean }> {
  switch (c.kind) {
    case 'add':
      return { id: (await unwrap(api.nominationsAdd({ agency, nomination: c.columns }))).nomination.id, changed: true };
    case 'edit': {
      // Kind and id stay what they are (the service ignores them in a patch).
      const { kind: _k, id: _id, ...patch } = c.columns;
      const r = await unwrap(api.nominationsEdit({ agency, id: c.id, patch }));
      return { id: r.nomination.id, changed: r.changed };
    }
    case 'remove':
      return { id: (await unwrap(api.nominationsRemove({ agency, id: c.id }))).nomination.id, changed: true };
  }
}

/** Adds, edits or removes a nomination; in order with the agency's other saves; the list is read again. */
export function useNominationChange(agency: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `assessment:${agency}` },
    mutationFn: (c: NominationChange) => call(agency, c),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: nominationKeys.one(agency) });
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}
