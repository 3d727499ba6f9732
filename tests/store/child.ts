import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface Child {
  proc: ChildProcess;
  pid: number;
  lines: string[];
  stderr: () => string;
  /** Resolves with the first stdout line starting with `prefix`. */
  waitFor: (prefix: string, timeoutMs?: number) => Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript file of tests/store as `node --import tsx <file> ...args`. */
export function runChild(file: string, args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'store', file), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let err = '';
  let partial = '';
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (chunk: string) => {
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (line.startsWith(w.prefix)) w.resolve(line);
        else waiters.push(w);
      }
    }
  });
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (prefix: string, timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const found = lines.find((l) => l.startsWith(prefix));
      if (found !== undefined) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no "${prefix}" from ${file} within ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
      void exited.then(() => {
        clearTimeout(timer);
        const late = lines.find((l) => l.startsWith(prefix));
        if (late !== undefined) resolve(late);
        else reject(new Error(`${file} exited before "${prefix}"; stderr: ${err}`));
      });
      waiters.push({
        prefix,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  return { proc, pid: proc.pid ?? -1, lines, stderr: () => err, waitFor, exited };
}
