import type { ItemInput } from '../../../../shared/schema/index.ts';

/**
 * Undo and redo of the agency screen's edits (issue 13 point 7). Pure: the screen records each
 * saved edit with the value before and after; undoing is saving `before` again through the same
 * channel (so read-only and validation apply), and only once that save succeeded does the step
 * move (`undone`, `redone`). One history per agency, across its criteria sets (`set`).
 */

/** A document's details as the evidence form edits them. */
export interface DetailsValue {
  docNo: string;
  date: string;
  issuer: string;
  title: string;
}

/** One saved edit: where (criteria set, item), and the value before and after. */
export type Edit = { set: string | null; item: string } & (
  | { kind: 'input'; before: ItemInput | null; after: ItemInput | null }
  | { kind: 'explanation'; before: string | null; after: string | null }
  | { kind: 'evidence'; index: number; before: DetailsValue; after: DetailsValue }
);

export interface History {
  /** Edits that can be undone, the latest last. */
  readonly past: readonly Edit[];
  /** Edits undone that can be redone, the next one last. */
  readonly future: readonly Edit[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** How many edits are kept; the oldest are forgotten first. */
export const HISTORY_LIMIT = 200;

/** Same value (key order does not matter: inputs come back from the service re-ordered). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Records a saved edit; a new edit makes the undone ones unrecoverable. An edit that changed nothing is not recorded. */
export function record(h: History, edit: Edit, limit = HISTORY_LIMIT): History {
  if (same(edit.before, edit.after)) return h;
  const past = [...h.past, edit];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

/** The edit an undo would take back (null when there is none). */
export const nextUndo = (h: History): Edit | null => h.past.at(-1) ?? null;
/** The edit a redo would make again (null when there is none). */
export const nextRedo = (h: History): Edit | null => h.future.at(-1) ?? null;

/** The save that undoes `e` (the value before it) or redoes it (the value after). */
export function reverted(e: Edit): Edit {
  return { ...e, before: e.after, after: e.before } as Edit;
}

/** After the undo's save succeeded: the edit moves to the redo side. */
export function undone(h: History): History {
  const e = nextUndo(h);
  return e ? { past: h.past.slice(0, -1), future: [...h.future, e] } : h;
}

/** After the redo's save succeeded: the edit moves back to the undo side. */
export function redone(h: History): History {
  const e = nextRedo(h);
  return e ? { past: [...h.past, e], future: h.future.slice(0, -1) } : h;
}

/** Words the description uses, in the user's language. */
export interface Words {
  yes: string;
  no: string;
  notApplicable: string;
  empty: string;
  number: (n: number) => string;
  explanation: (item: string) => string;
  evidence: (item: string, index: number) => string;
}

/** An answer as the officer reads it: "Có", "85%", "3/4", "(trống)". */
export function inputText(input: ItemInput | null, w: Words): string {
  if (input === null) return w.empty;
  switch (input.kind) {
    case 'binary':
      return input.value === 'yes' ? w.yes : w.no;
    case 'notApplicable':
      return w.notApplicable;
    case 'percent':
      return `${w.number(input.value)}%`;
    case 'ratio':
      return `${w.number(input.numerator)}/${w.number(input.denominator)}`;
    case 'count':
    case 'manual':
      return w.number(input.value);
    case 'variables':
      return Object.entries(input.values)
        .map(([k, v]) => `${k} = ${w.number(v)}`)
        .join('; ');
  }
}

/**
 * The edit an undo would take back or a redo make again, as the toolbar says it ("Hoàn tác:
 * 1.1.2 = Có"): the answer it set, or which explanation or document it changed.
 */
export function describe(e: Edit, w: Words): string {
  switch (e.kind) {
    case 'input':
      return `${e.item} = ${inputText(e.after, w)}`;
    case 'explanation':
      return w.explanation(e.item);
    case 'evidence':
      return w.evidence(e.item, e.index);
  }
}
