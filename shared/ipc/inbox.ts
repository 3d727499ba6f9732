import * as z from 'zod';
import { Code } from '../schema/index.ts';
import { FileName, base64Length } from './files.ts';

/**
 * Home Affairs' inbox: submission files imported from the window (electron/services/inbox-service.ts,
 * the same importSubmissions as `parscore import`).
 *
 * Files reach main three ways: paths (the desktop window: dropped or picked files, given by the
 * preload), a folder (typed, or Electron's dialog: every `.parscore` file directly in it, by name),
 * or, in the browser mode, their bytes, sent ahead in chunks (`inbox:stage`) and kept in memory
 * under a batch id until `inbox:import` takes them.
 */

/** One request of `inbox:stage` carries at most this many bytes of files (the browser mode's body limit follows). */
export const MAX_STAGE_BYTES = 32 * 1024 * 1024;
/** Files in one staged chunk. */
export const MAX_STAGE_FILES = 500;
/** Files in one import (a province's every agency, twice over). */
export const MAX_IMPORT_FILES = 40_000;

const JobId = z.string().min(1).max(100);
const BatchId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const Fingerprint = z.string().regex(/^[0-9a-fA-F]{64}$/);

export const InboxSource = z.union([
  z.strictObject({ batch: BatchId }),
  z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(MAX_IMPORT_FILES) }),
  /** `only`: these files of the folder (by name), e.g. the one file re-imported with a new key. */
  z.strictObject({ folder: z.string().min(1).max(4096), only: z.array(FileName).min(1).max(MAX_IMPORT_FILES).optional() }),
]);
export type InboxSource = z.infer<typeof InboxSource>;

export const InboxImportInput = z.strictObject({
  /** Names the job's progress events, and what `inbox:cancel` stops. */
  jobId: JobId,
  source: InboxSource,
  /** The date the files were received (yyyy-mm-dd, e.g. the e-mail's), for the whole batch; default: today. */
  receivedAt: z.string().max(40).optional(),
  /** New agency keys Home Affairs accepts explicitly (after checking the fingerprint with the agency). */
  acceptKeys: z.array(z.strictObject({ agency: Code, fingerprint: Fingerprint })).max(100).optional(),
});
export type InboxImportInput = z.infer<typeof InboxImportInput>;

export type InboxVerdictKind = 'accepted' | 'replaced' | 'duplicate' | 'rejected' | 'cancelled';

/** One file's verdict as the inbox shows it; reasons already in the user's language. */
export interface InboxVerdictRow {
  /** The file's name as shown (no folder). */
  file: string;
  /** How to name this file again (a re-import with a new key): its index in the batch, its path, or its name in the folder. */
  ref: { kind: 'batch'; index: number } | { kind: 'path'; path: string } | { kind: 'folder'; folder: string; name: string };
  verdict: InboxVerdictKind;
  agency: string | null;
  revision: number | null;
  /** `replaced`: the revision it replaced. */
  previousRevision: number | null;
  late: boolean;
  /** Every reason of a refusal (or why a duplicate was skipped), each a sentence. */
  reasons: string[];
  /** Refused because the agency's key changed: the agency and the recorded and new fingerprints (what accepting the new key needs). */
  keyChange: { agency: string; from: string; to: string } | null;
  /** Stored with a new key Home Affairs accepted (audited): the fingerprints before and after. */
  keyAccepted: { from: string; to: string } | null;
}

export interface InboxResult {
  verdicts: InboxVerdictRow[];
  counts: Record<InboxVerdictKind, number>;
  /** The import was cancelled: the files before it are stored whole, the `cancelled` ones not at all. */
  cancelled: boolean;
  /** The received date used (yyyy-mm-dd) or null (the import's day). */
  receivedAt: string | null;
  /** The campaign's deadline for self-assessments (yyyy-mm-dd), for the late flag's explanation. */
  deadline: string | null;
  seconds: number;
}

/** The body limit of `inbox:stage` in the browser mode (electron/web/server.ts FILE_BODIES). */
export const STAGE_BODY = base64Length(MAX_STAGE_BYTES) + MAX_STAGE_FILES * 400 + 64 * 1024;

/** Channels of the inbox (electron/main/handlers/inbox.ts). */
export const inboxChannels = {
  /** The browser mode: one chunk of files' bytes, added to a batch (a new one when `batch` is absent). */
  'inbox:stage': {
    input: z.strictObject({
      batch: BatchId.optional(),
      files: z
        .array(z.strictObject({ name: FileName, bytesBase64: z.string().max(base64Length(MAX_STAGE_BYTES) + 8).regex(/^[A-Za-z0-9+/]*={0,2}$/) }))
        .min(1)
        .max(MAX_STAGE_FILES),
    }),
    output: z.custom<{ batch: string; staged: number }>(),
  },
  /** Drops a staged batch that will not be imported. */
  'inbox:discard': { input: z.strictObject({ batch: BatchId }), output: z.custom<{ discarded: boolean }>() },
  /** Imports the files; progress on `job:progress` (phase "inbox.job.import", with `current` and `rate`). */
  'inbox:import': { input: InboxImportInput, output: z.custom<InboxResult>() },
  /** Stops a running import before its next file (the files done are kept whole, the rest not stored). */
  'inbox:cancel': { input: z.strictObject({ jobId: JobId }), output: z.custom<{ cancelled: boolean }>() },
} as const;
