import { type Issue, type Result, fail, issue, ok } from './issue.ts';

/*
 * JSON as ParScore reads it from disk or from another machine: JSON.parse's grammar, but an
 * object may not name the same key twice (JSON.parse keeps the last one silently, so two readers
 * could see two different documents) nor use a name of the prototype chain (`__proto__` is dropped
 * by zod records and can change an object's prototype in naive code; `constructor`/`prototype`
 * shadow built-ins). Pure: no library does exactly this in a small, kept package, and the rule is
 * short enough to own.
 */

/** Keys refused anywhere in a document. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface KeyProblem {
  kind: 'duplicate' | 'prototype';
  key: string;
  /** Where the key is: `items.1.2`, `nominations[0].name` ('' for the top level). */
  path: string;
}

interface Frame {
  /** Keys seen so far (objects only). */
  keys: Set<string> | null;
  path: string;
  /** Arrays: the index of the current element. */
  index: number;
  /** Objects: the key whose value comes next. */
  key: string;
  /** Objects: the next string is a key (after `{` or `,`). */
  expectKey: boolean;
}

function childPath(f: Frame): string {
  if (f.keys === null) return `${f.path}[${f.index}]`;
  // Keys holding a dot (item codes "1.2") are still readable joined with dots: that is how fields are named in messages.
  return f.path === '' ? f.key : `${f.path}.${f.key}`;
}

/** End (index after the closing quote) of the string starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    i += c === 0x5c ? 2 : 1;
  }
}

/**
 * The first duplicate or prototype-name key of a text JSON.parse accepted, or null. Walks the text
 * once without building values (the value itself comes from JSON.parse).
 */
export function findKeyProblem(text: string): KeyProblem | null {
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (top && top.keys !== null && top.expectKey) {
        const slice = text.slice(i + 1, end - 1);
        const key = slice.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : slice;
        const path = top.path === '' ? key : `${top.path}.${key}`;
        if (PROTOTYPE_KEYS.has(key)) return { kind: 'prototype', key, path };
        if (top.keys.has(key)) return { kind: 'duplicate', key, path };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      const path = top ? childPath(top) : '';
      stack.push({ keys: c === 0x7b ? new Set() : null, path, index: 0, key: '', expectKey: c === 0x7b });
    } else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c && top) {
      if (top.keys === null) top.index++;
      else top.expectKey = true;
    }
    i++;
  }
  return null;
}

/** The issue for a key problem, naming the file and the key's path. */
export function keyProblemIssue(p: KeyProblem, file: string): Issue {
  return issue(p.kind === 'duplicate' ? 'doc.duplicate_key' : 'doc.prototype_key', { file, field: p.path }, { key: p.key, path: p.path });
}

/**
 * Parses JSON text (a leading byte-order mark ignored), refusing invalid JSON (`doc.not_json`),
 * a key given twice in one object (`doc.duplicate_key`) and a prototype-name key
 * (`doc.prototype_key`), at any depth, with the file and the key's path.
 */
export function parseStrictJson(text: string, file: string): Result<unknown> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (e) {
    return fail([issue('doc.not_json', { file }, { detail: e instanceof Error ? e.message : String(e) })]);
  }
  // Scalars hold no keys: skip the walk.
  if (typeof value !== 'object' || value === null) return ok(value);
  const problem = findKeyProblem(src);
  return problem ? fail([keyProblemIssue(problem, file)]) : ok(value);
}

/**
 * The first own prototype-name key anywhere in a value already parsed (JSON.parse makes `__proto__`
 * an own key, which zod's records then drop without a word), or null. For documents that did not
 * come through `parseStrictJson` (built from a workbook, a worker's message, a package's payload).
 */
export function findPrototypeKey(value: unknown, path = ''): KeyProblem | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findPrototypeKey(value[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (PROTOTYPE_KEYS.has(key)) return { kind: 'prototype', key, path: at };
    const p = findPrototypeKey((value as Record<string, unknown>)[key], at);
    if (p) return p;
  }
  return null;
}
