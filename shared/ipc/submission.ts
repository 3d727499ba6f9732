import * as z from 'zod';
import { Code } from '../schema/index.ts';
import type { SendCheckKind } from '../cycle/send-check.ts';

/** One line of "check before sending": what is missing, in the user's words, at its item. */
export interface SendCheckLine {
  kind: SendCheckKind;
  /** The item to open (null when the gap is not at an item). */
  item: string | null;
  message: string;
  /** The additional criteria set the item is in (e.g. "iso-9001"); absent for the ranked template. */
  set?: string;
}

export interface SendCheckResult {
  lines: SendCheckLine[];
  /** The reason sending is refused here (read-only), in the user's words; null when it may be sent. */
  readOnly: string | null;
  /** The signer the export names by default (the CLI's defaults). */
  signer: { name: string; position: string };
}

/** What was sent: shown after the export. */
export interface SentSubmission {
  revision: number;
  round: 1 | 2;
  createdAt: string;
  sha256: string;
  /** The agency key's whole fingerprint (64 hex). */
  fingerprint: string;
  fileName: string;
  /** Electron: where the file was saved. Both this and `base64` null: the user cancelled the save dialog, nothing was exported. */
  savedTo: string | null;
  /** Browser mode: the file's bytes (base64) for the window to download under `fileName`. */
  base64: string | null;
}

const Signer = z.strictObject({ name: z.string().trim().min(1).max(300), position: z.string().trim().min(1).max(300) });

/** Channels of the agency's signed submission: the check before sending, and the export. */
export const submissionChannels = {
  'submission:check': { input: z.strictObject({ agency: Code }), output: z.custom<SendCheckResult>() },
  'submission:export': { input: z.strictObject({ agency: Code, signer: Signer }), output: z.custom<SentSubmission>() },
} as const;
