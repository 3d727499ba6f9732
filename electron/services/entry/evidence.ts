/**
 * Supporting documents (tài liệu kiểm chứng) per item: a file stored by its content hash with its
 * document number, date, issuer and title; edited, removed; and the explanation (giải trình) given
 * where evidence is missing.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseDateText } from '../../../shared/entry/date-text.ts';
import { EvidenceRef, type ItemEntry } from '../../../shared/schema/index.ts';
import { implausibleDate } from '../../../shared/schema/plausible-dates.ts';
import { type Issue, IssueError, type IssueLocation, issue } from '../../../shared/util/issue.ts';
import { DEFAULT_LIMITS } from '../packages/container.ts';
import { sha256Hex } from '../store/evidence.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { type EntryTarget, type Resolved, changeAssessment, itemsOf, resolve, withItems } from './context.ts';

/** An evidence file may be no larger than one entry of a submission package may be (it travels in one). */
export const MAX_EVIDENCE_BYTES = DEFAULT_LIMITS.maxEntryBytes;

/** What a person types about a document; the date as dd/mm/yyyy or yyyy-mm-dd. */
export interface EvidenceDetails {
  docNo?: string;
  date?: string;
  issuer?: string;
  title?: string;
}

export type ItemTarget = EntryTarget & { item: string };

function requireItem(r: Resolved, code: string): IssueLocation {
  const at = { agency: r.agency.code, template: r.template.id, item: code };
  if (!r.ct.byCode.has(code)) throw new IssueError(issue('entry.unknown_item', { ...at, field: 'code' }, { item: code, template: r.template.id }));
  return at;
}

/** Applies typed details to a reference; every problem is reported (bad date, empty number, too long). */
export function applyDetails(ref: Partial<EvidenceRef>, d: EvidenceDetails, at: IssueLocation): EvidenceRef {
  const problems: Issue[] = [];
  const next: Record<string, unknown> = { ...ref };
  for (const k of ['docNo', 'issuer', 'title'] as const) {
    if (d[k] === undefined) continue;
    const v = d[k].trim().normalize('NFC');
    if (v) next[k] = v;
    else delete next[k];
  }
  if (d.date !== undefined) {
    if (d.date.trim() === '') delete next.date;
    else {
      const iso = parseDateText(d.date);
      const implausible = iso === null ? null : implausibleDate(iso, { ...at, field: 'date' });
      if (iso === null) problems.push(issue('entry.bad_date', { ...at, field: 'date' }, { value: d.date }));
      else if (implausible) problems.push(implausible);
      else next.date = iso;
    }
  }
  const parsed = EvidenceRef.safeParse(next);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const field = zi.path.join('.');
      problems.push(issue(field === 'docNo' ? 'entry.evidence_doc_no' : 'entry.evidence_field', { ...at, field }, { field }));
    }
  }
  if (problems.length > 0 || !parsed.success) throw new IssueError(problems);
  return parsed.data;
}

async function readEvidenceFile(path: string, at: IssueLocation): Promise<Uint8Array> {
  const file = basename(path);
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new IssueError(issue('entry.evidence_unreadable', { ...at, file }, { detail: 'EISDIR' }));
    if (st.size > MAX_EVIDENCE_BYTES) throw new IssueError(issue('entry.evidence_too_large', { ...at, file }, { size: st.size, max: MAX_EVIDENCE_BYTES, sizeMb: Math.ceil(st.size / 1048576), maxMb: MAX_EVIDENCE_BYTES / 1048576 }));
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof IssueError) throw e;
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e);
    throw new IssueError(issue('entry.evidence_unreadable', { ...at, file }, { detail: code }));
  }
}

/** Which evidence of an item: its 1-based position, or its document number. */
function findEvidence(entry: ItemEntry | undefined, which: number | string, at: IssueLocation): number {
  const list = entry?.evidence ?? [];
  const i = typeof which === 'number' ? which - 1 : list.findIndex((e) => e.docNo.normalize('NFC') === which.trim().normalize('NFC'));
  if (i < 0 || i >= list.length) throw new IssueError(issue('entry.evidence_not_found', { ...at, field: 'evidence' }, { which: String(which), count: list.length }));
  return i;
}

function updateEntry(r: Resolved, item: string, fn: (e: ItemEntry) => ItemEntry) {
  return (a: Parameters<Parameters<typeof changeAssessment>[2]>[0]) => {
    const items = itemsOf(a, r);
    const prev: ItemEntry = Object.hasOwn(items, item) ? items[item]! : { selfScore: null, evidence: [] };
    const e = fn(prev);
    const nextItems = { ...items, [item]: e };
    // An entry left empty is dropped, so that removing undoes adding.
    if (e.input === undefined && e.evidence.length === 0 && e.note === undefined && e.explanation === undefined) delete nextItems[item];
    return withItems(a, r, nextItems);
  };
}

/**
 * Attaches a file to an item: the file is copied into the workspace by its SHA-256 and referenced
 * with its details (document number required). Refused: unknown item, unreadable or too large file,
 * a bad date, missing number; nothing is stored then.
 */
export async function addItemEvidence(ws: WorkspaceStore, target: ItemTarget, filePath: string, details: EvidenceDetails): Promise<{ ref: EvidenceRef; index: number }> {
  const r = resolve(ws, target);
  const at = requireItem(r, target.item);
  const draft = applyDetails({}, { ...details, docNo: details.docNo ?? '' }, at);
  const data = await readEvidenceFile(filePath, at);
  const ref: EvidenceRef = { ...draft, fileName: basename(filePath).normalize('NFC'), size: data.byteLength, sha256: sha256Hex(data) };
  const checked = EvidenceRef.safeParse(ref);
  if (!checked.success) throw new IssueError(issue('entry.evidence_field', { ...at, field: 'fileName' }, { field: 'fileName' }));
  let index = 0;
  await changeAssessment(
    ws,
    r,
    (a) => {
      const next = updateEntry(r, target.item, (e) => {
        if (e.evidence.length >= 200) throw new IssueError(issue('entry.evidence_too_many', { ...at, field: 'evidence' }, { max: 200 }));
        index = e.evidence.length + 1;
        return { ...e, evidence: [...e.evidence, checked.data] };
      })(a);
      return { next, value: null };
    },
    async () => {
      await ws.putEvidence(data);
    },
  );
  return { ref: checked.data, index };
}

/** Changes an attached document's details (number, date, issuer, title); an empty text removes an optional detail. */
export async function editItemEvidence(ws: WorkspaceStore, target: ItemTarget, which: number | string, details: EvidenceDetails): Promise<{ ref: EvidenceRef; changed: boolean }> {
  const r = resolve(ws, target);
  const at = requireItem(r, target.item);
  let ref: EvidenceRef | null = null;
  const { changed } = await changeAssessment(ws, r, (a) => {
    const next = updateEntry(r, target.item, (e) => {
      const i = findEvidence(e, which, at);
      ref = applyDetails(e.evidence[i]!, details, { ...at, field: `evidence[${i + 1}]` });
      return { ...e, evidence: e.evidence.map((x, j) => (j === i ? ref! : x)) };
    })(a);
    return { next, value: null };
  });
  return { ref: ref!, changed };
}

/** Detaches a document (by 1-based position or document number); the stored file stays (others may share it). */
export async function removeItemEvidence(ws: WorkspaceStore, target: ItemTarget, which: number | string): Promise<{ removed: EvidenceRef }> {
  const r = resolve(ws, target);
  const at = requireItem(r, target.item);
  let removed: EvidenceRef | null = null;
  await changeAssessment(ws, r, (a) => {
    const next = updateEntry(r, target.item, (e) => {
      const i = findEvidence(e, which, at);
      removed = e.evidence[i]!;
      return { ...e, evidence: e.evidence.filter((_, j) => j !== i) };
    })(a);
    return { next, value: null };
  });
  return { removed: removed! };
}

/** Sets (text) or clears (null or empty) an item's explanation where evidence is missing (giải trình). */
export async function setItemExplanation(ws: WorkspaceStore, target: ItemTarget, text: string | null): Promise<{ changed: boolean }> {
  const r = resolve(ws, target);
  const at = requireItem(r, target.item);
  const t = text?.trim().normalize('NFC') ?? '';
  if (t.length > 20000) throw new IssueError(issue('entry.explanation_too_long', { ...at, field: 'explanation' }, { max: 20000, length: t.length }));
  const { changed } = await changeAssessment(ws, r, (a) => ({
    next: updateEntry(r, target.item, (e) => {
      const n = { ...e };
      if (t) n.explanation = t;
      else delete n.explanation;
      return n;
    })(a),
    value: null,
  }));
  return { changed };
}
