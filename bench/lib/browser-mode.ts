// What the browser-mode benches (bench/ui.ts, review-ui.ts, results-ui.ts, inbox-ui.ts) share: the
// figures' helpers, the browser mode's server (scripts/web-bridge.ts) and Debian's Chromium. Each
// bench keeps its own measurements.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright';

/** The project's folder (the server, the build script and dist/renderer are found from it). */
export const root = join(import.meta.dirname, '..', '..');

/** The middle value (the upper one of an even count), as every bench reports it. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The p-th percentile, nearest rank. */
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
/** Milliseconds printed to one decimal. */
export const r1 = (x: number) => x.toFixed(1);

/** A port free on the loopback for the server (asked of the system, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** A running browser mode: its address, the secret the page passes as ?k=, and its process. */
export interface Server {
  base: string;
  secret: string;
  proc: ChildProcess;
}

/** Starts the browser mode on `workspace` (a fresh secret and port) and resolves once it answers. */
export async function startServer(workspace: string, userData: string): Promise<Server> {
  const port = await freePort();
  const secret = randomBytes(24).toString('base64url');
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/web-bridge.ts'), '--workspace', workspace, '--port', String(port), '--user-data', userData, `--secret=${secret}`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let k = 0; k < 600; k++) {
    // Without the secret the server answers 403: it is up.
    if (await fetch(`${base}/index.html`).then(() => true, () => false)) return { base, secret, proc };
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('the browser mode did not start');
}

/** Stops a server and resolves once its process has exited (at once if it already has). */
export function stopServer(s: Server): Promise<void> {
  return new Promise((resolve) => {
    if (s.proc.exitCode !== null) return resolve();
    s.proc.once('exit', () => resolve());
    s.proc.kill('SIGTERM');
  });
}

/**
 * Builds the renderer (scripts/build.mjs) unless --no-build; a smoke run builds only if
 * dist/renderer is missing.
 */
export function buildRenderer(noBuild: boolean | undefined, smoke: boolean | undefined): void {
  const distReady = existsSync(join(root, 'dist/renderer/index.html'));
  if (!noBuild && !(smoke && distReady)) {
    const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
}

/** The Chromium the benches drive: Debian's, or PARSCORE_CHROMIUM's (printed in each report). */
export const CHROMIUM = process.env.PARSCORE_CHROMIUM ?? '/usr/bin/chromium';

/** Launches that Chromium headless, without the background work that would disturb the timings. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
