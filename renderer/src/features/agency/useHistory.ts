import { useCallback, useSyncExternalStore } from 'react';
import { EMPTY_HISTORY, type Edit, type History, nextRedo, nextUndo, record, redone, reverted, undone } from './history.ts';

/**
 * The agency screen's undo history, one per agency, kept for the window's life (switching criteria
 * set or going to the check before sending and back keeps it). The pure rules are in history.ts.
 */
const histories = new Map<string, History>();
const listeners = new Set<() => void>();

function set(agency: string, h: History): void {
  histories.set(agency, h);
  for (const l of listeners) l();
}

/** Another workspace is open: no edit of the old one can be undone. */
export function forgetHistories(): void {
  histories.clear();
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * `save` writes an edit's `after` value through the channel the edit came from; undo and redo
 * move the history only once that save went through (a refused one leaves it as it was, and
 * rejects with the save's error).
 */
export function useAgencyHistory(agency: string, save: (e: Edit) => Promise<unknown>) {
  const history = useSyncExternalStore(subscribe, () => histories.get(agency) ?? EMPTY_HISTORY);
  const add = useCallback((e: Edit) => set(agency, record(histories.get(agency) ?? EMPTY_HISTORY, e)), [agency]);
  const undo = useCallback(async () => {
    const e = nextUndo(histories.get(agency) ?? EMPTY_HISTORY);
    if (!e) return null;
    await save(reverted(e));
    set(agency, undone(histories.get(agency) ?? EMPTY_HISTORY));
    return e;
  }, [agency, save]);
  const redo = useCallback(async () => {
    const e = nextRedo(histories.get(agency) ?? EMPTY_HISTORY);
    if (!e) return null;
    await save(e);
    set(agency, redone(histories.get(agency) ?? EMPTY_HISTORY));
    return e;
  }, [agency, save]);
  return { history, add, undo, redo };
}
