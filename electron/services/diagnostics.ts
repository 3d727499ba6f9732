/**
 * The technician's log: what a library said when it failed (exceljs, the zip reader, JSON.parse,
 * zod), kept out of the user's sentence (which says in plain words what is wrong and what to do).
 * It goes to stderr only when PARSCORE_DEBUG=1, so a technician can rerun the same command to see it
 * (README, troubleshooting).
 */

/** Whether the technician's log is on (read each time, so a test or a rerun can switch it). */
export function debugOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PARSCORE_DEBUG === '1';
}

/** What a caught value says, for the technician. */
export function errorDetail(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}

/** Writes one line to stderr when the log is on: where, which file, and the library's words. */
export function technicianLog(where: string, file: string | undefined, e: unknown): void {
  if (!debugOn()) return;
  process.stderr.write(`[parscore debug] ${where}${file ? ` (${file})` : ''}: ${errorDetail(e)}\n`);
}
