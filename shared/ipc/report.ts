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

/** One report the reports page offers: `parscore report --only` name and its title (the file's name). */
export interface ReportChoice {
  name: string;
  title: string;
}

/** What the reports page starts from: the reports, the defaults of the number and date (the campaign's issuer), and whether the folder can be opened. */
export interface ReportOptionsView {
  reports: ReportChoice[];
  number: string;
  /** yyyy-mm-dd. */
  date: string;
  canOpenFolder: boolean;
  /** Agencies whose self-assessment report would be written (one file each). */
  agencies: number;
}

/** A run of the reports page: the folder and every file written (relative to it). */
export interface ReportRunView {
  runId: string;
  folder: string;
  files: string[];
}

/** Channels of the reports the window writes. */
export const reportChannels = {
  /** The agency's own self-assessment report (the workbook `parscore report --only agencies` writes for it). */
  'report:selfAssessment': { input: z.strictObject({ agency: Code }), output: z.custom<WrittenReport>() },
  'report:options': { input: z.strictObject({}), output: z.custom<ReportOptionsView>() },
  /** The same files as `parscore report DIR --out FOLDER --only …`; progress as job:progress ('reportsui.job'). Number and date are checked by the service, at their fields. */
  'report:write': {
    input: z.strictObject({ names: z.array(z.string().max(40)).max(20), folder: z.string().max(4096), number: z.string().max(500), date: z.string().max(40), jobId: z.string().min(1).max(100) }),
    output: z.custom<ReportRunView>(),
  },
  /** Browser mode: one file of a run, as bytes (only files the run wrote). */
  'report:download': { input: z.strictObject({ runId: z.string().min(1).max(100), file: z.number().int().nonnegative() }), output: z.custom<WrittenReport>() },
  /** Electron: opens a run's folder in the file manager. */
  'report:openFolder': { input: z.strictObject({ runId: z.string().min(1).max(100) }), output: z.custom<{ opened: boolean }>() },
} as const;
