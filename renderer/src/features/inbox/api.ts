import { MAX_STAGE_BYTES, MAX_STAGE_FILES, type InboxImportInput, type InboxResult, type InboxSource, type JobProgress } from '../../../../shared/ipc/index.ts';
import { api, isDesktop } from '../../app/bridge.ts';
import { unwrap } from '../../app/query.ts';

export const SUBMISSION_EXT = '.parscore';
export const isSubmission = (name: string) => name.toLowerCase().endsWith(SUBMISSION_EXT);

/** What the user gave: files (dropped or picked), or folders (dropped in the desktop app, or typed). */
export interface Given {
  files: File[];
  /** Folders on disk (the desktop app's dropped folders: their paths). */
  folders: string[];
}

/**
 * The files of a drop: plain files, and for a dropped folder the `.parscore` files directly in it
 * (the desktop app names the folder by its path instead: main lists it, as for a typed folder).
 */
export async function droppedFiles(dt: DataTransfer): Promise<Given> {
  const files: File[] = [];
  const folders: string[] = [];
  const entries = [...dt.items].map((i) => (i.kind === 'file' ? (i.webkitGetAsEntry?.() ?? null) : null));
  const plain = [...dt.files];
  for (const [k, entry] of entries.entries()) {
    if (entry?.isDirectory) {
      const path = isDesktop && plain[k] ? window.parscore?.pathForFile(plain[k]) : '';
      if (path) folders.push(path);
      else files.push(...(await folderFiles(entry as FileSystemDirectoryEntry)));
    } else if (plain[k]) files.push(plain[k]);
  }
  // A drop whose entries cannot be read (no items): its files.
  if (entries.length === 0) files.push(...plain);
  return { files, folders };
}

/** The files directly in a dropped folder (not its subfolders, as `parscore import FOLDER`), in name order. */
async function folderFiles(dir: FileSystemDirectoryEntry): Promise<File[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries gives at most ~100 entries a call: read until it gives none.
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) break;
    all.push(...chunk);
  }
  const byName = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
  const fileEntries = all.filter((e) => e.isFile && isSubmission(e.name)).sort((a, b) => byName.compare(a.name, b.name)) as FileSystemFileEntry[];
  return Promise.all(fileEntries.map((e) => new Promise<File>((resolve, reject) => e.file(resolve, reject))));
}

/**
 * The browser mode: the files' bytes sent ahead in chunks (each request within the server's body
 * limit), one batch; `onRead` after each file read. Returns the batch id.
 */
/** Bytes the window sends per request: small enough that encoding and sending a chunk never holds the window long. */
const CHUNK_BYTES = 1024 * 1024;

/** A file the browser mode cannot send (over the per-request limit): its name. */
export class TooLargeForBrowser extends Error {
  constructor(readonly file: string) {
    super(file);
  }
}

/** A file's bytes as base64, encoded by the browser (FileReader's data URL: native, not a JavaScript loop on the window's thread). */
function base64Of(f: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(f);
  });
}

/** Files read at once while staging (the reads overlap; the order of the batch is kept). */
const READ_AHEAD = 8;

export async function stage(files: readonly File[], onRead: (done: number) => void): Promise<string> {
  const big = files.find((f) => f.size > MAX_STAGE_BYTES);
  if (big) throw new TooLargeForBrowser(big.name);
  let batch: string | undefined;
  let chunk: { name: string; bytesBase64: string }[] = [];
  let bytes = 0;
  // One chunk travels while the next is read (chained: each names the batch the first one opened).
  let sending: Promise<void> = Promise.resolve();
  const send = async () => {
    if (chunk.length === 0) return;
    const files = chunk;
    chunk = [];
    bytes = 0;
    await sending; // at most one chunk in flight, one being filled
    sending = (async () => {
      const r = await unwrap(api.inboxStage({ ...(batch ? { batch } : {}), files }));
      batch = r.batch;
    })();
    sending.catch(() => undefined); // awaited by the next send or at the end
  };
  const reads = new Map<number, Promise<string>>();
  const readAhead = (from: number) => {
    for (let k = from; k < Math.min(files.length, from + READ_AHEAD); k++) if (!reads.has(k)) reads.set(k, base64Of(files[k]!));
  };
  for (const [k, f] of files.entries()) {
    readAhead(k);
    const b64 = await reads.get(k)!;
    reads.delete(k);
    if (chunk.length >= MAX_STAGE_FILES || (chunk.length > 0 && bytes + f.size > CHUNK_BYTES)) await send();
    chunk.push({ name: f.name, bytesBase64: b64 });
    bytes += f.size;
    onRead(k + 1);
  }
  await send();
  await sending;
  return batch!;
}

/** The source main is given for files: their paths in the desktop app, else a staged batch. */
export async function sourceOf(files: readonly File[], onRead: (done: number) => void): Promise<InboxSource> {
  if (isDesktop) {
    const paths = files.map((f) => window.parscore?.pathForFile(f) ?? '');
    if (paths.every((p) => p)) return { paths };
  }
  return { batch: await stage(files, onRead) };
}

export function newJobId(): string {
  return `inbox-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Runs one import, telling `onProgress` its job's events. */
export async function runImport(input: InboxImportInput, onProgress: (p: JobProgress) => void): Promise<InboxResult> {
  const off = api.onJobProgress((p) => (p.jobId === input.jobId ? onProgress(p) : undefined));
  try {
    return await unwrap(api.inboxImport(input));
  } finally {
    off();
  }
}

export const cancelImport = (jobId: string) => unwrap(api.inboxCancel({ jobId }));

/** A key fingerprint in groups of four hex digits, to read out over the phone. */
export const groupsOfFour = (fp: string) => fp.replace(/(.{4})(?=.)/g, '$1 ');
