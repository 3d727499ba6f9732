import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/bridge.ts';
import { settingsQuery } from '../../app/i18n.tsx';
import { unwrap } from '../../app/query.ts';
import { navigate } from '../../app/router.ts';

/** Query keys of the start state (whether a workspace is open, the first-run forms' defaults). */
export const startKeys = { all: ['start'] as const, state: () => [...startKeys.all, 'state'] as const };

export const startStateQuery = { queryKey: startKeys.state(), queryFn: () => unwrap(api.startState({})) };

/** After a workspace was opened, created or joined: everything cached belonged to no workspace or the old one. */
export function useEntered(): () => void {
  const qc = useQueryClient();
  return () => {
    navigate('/');
    void qc.resetQueries({ predicate: (q) => q.queryKey[0] !== 'settings' });
    void qc.invalidateQueries({ queryKey: settingsQuery.queryKey }); // the recent list changed
  };
}

/** File › Close workspace: back to the first-run screen; the old workspace's data is dropped. */
export function useCloseWorkspace(): () => Promise<void> {
  const qc = useQueryClient();
  return async () => {
    const state = await unwrap(api.startClose({}));
    navigate('/');
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'settings' && q.queryKey[0] !== 'start' });
    qc.setQueryData(startKeys.state(), state);
  };
}

/** Errors of a lock held elsewhere: the window offers "Open anyway" after a warning. */
export const LOCK_CODES = new Set(['store.locked', 'store.locked_elsewhere']);
