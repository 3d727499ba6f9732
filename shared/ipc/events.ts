import * as z from 'zod';

/**
 * Events pushed from main to the window (Electron `webContents.send`; the browser mode's
 * `/events` stream). Each has a zod schema: the sender validates before sending.
 */
export const JobProgress = z.strictObject({
  /** Two jobs never mix: every payload names its job. */
  jobId: z.string().min(1).max(100),
  /** Message key of what is being done ("shell.job.summary"). */
  phase: z.string().min(1).max(100),
  done: z.number().int().nonnegative(),
  /** null while the amount of work is not known yet. */
  total: z.number().int().nonnegative().nullable(),
  /** The item being worked on (the inbox: the file just checked). */
  current: z.string().max(300).optional(),
  /** Items per second so far (the inbox: files/s). */
  rate: z.number().nonnegative().finite().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** A menu command chosen in the native menu (Electron); the in-page menu runs the same commands directly. */
export const MenuCommandEvent = z.strictObject({
  command: z.string().min(1).max(60),
  /** The folder of a recent workspace ('file.openRecent'). */
  path: z.string().min(1).max(4096).optional(),
});
export type MenuCommandEvent = z.infer<typeof MenuCommandEvent>;

export const events = {
  'job:progress': JobProgress,
  'menu:command': MenuCommandEvent,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export { EVENT_METHODS } from './channels.ts';
