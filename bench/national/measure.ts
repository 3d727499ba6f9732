// Wall time and peak resident memory of one stage, in the process that runs it.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes the system's dirty pages to disk (`sync`), so that a dataset just built is not still being
 * written back while the next measurement runs: the kernel's writeback would take processor and
 * disk time from whatever is measured first (and not from the floor, measured later). Where there
 * is no `sync` command (Windows), nothing happens.
 */
export function flushDisk(): void {
  if (process.platform !== 'win32') spawnSync('sync', { stdio: 'ignore' });
}

export interface StageFigures {
  ms: number;
  /** Peak resident set size during the stage (MiB). */
  peakRssMiB: number;
}

const PROC = '/proc/self';

/** Linux lets a process reset its peak RSS (clear_refs 5), so that each stage gets its own peak. */
function resetPeak(): boolean {
  try {
    writeFileSync(`${PROC}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function peakKiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`${PROC}/status`, 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: the process-wide peak below
  }
  return process.resourceUsage().maxRSS;
}

/** Runs `fn` and returns its value with its wall time and the peak RSS reached while it ran. */
export async function stage<T>(fn: () => Promise<T>): Promise<{ value: T; figures: StageFigures }> {
  globalThis.gc?.();
  resetPeak();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  return { value, figures: { ms, peakRssMiB: peakKiB() / 1024 } };
}
