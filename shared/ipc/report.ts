import * as z from 'zod';
import { Code } from '../schema/index.ts';

/** A workbook written for the user: saved (Electron) or handed over as bytes (browser mode). */
export interface WrittenReport {
  fileName: string;
  /** Electron: where it was saved. Both this and `base64` null: the user cancelled the save dialog. */
  savedTo: string | null;
  /** Browser mode: the workbook's bytes (base64), downloaded by the window under `fileName`. */
  base64: string | null;
}

/** Channels of the reports the window writes. */
export const reportChannels = {
  /** The agency's own self-assessment report (the workbook `parscore report --only agencies` writes for it). */
  'report:selfAssessment': { input: z.strictObject({ agency: Code }), output: z.custom<WrittenReport>() },
} as const;
