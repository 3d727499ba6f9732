import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The installed Electron binary, found without `require('electron')`: since Electron 45 that call
 * downloads the binary when it is missing and throws with a stack trace when it cannot.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/**
 * Fetches the binary with Electron's own installer (`npm ci` no longer does: Electron 45 downloads
 * on first use). Its output, a stack trace when offline, is kept from the user; `onSlow` is called
 * once if it takes more than two seconds (a real download, worth a line).
 */
export function downloadElectron(onSlow: () => void, timeoutMs = 300_000): Promise<boolean> {
  let installer: string;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { stdio: 'ignore' });
    const slow = setTimeout(onSlow, 2000);
    const kill = setTimeout(() => child.kill(), timeoutMs);
    const done = (ok: boolean) => {
      clearTimeout(slow);
      clearTimeout(kill);
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

export type Launch = { kind: 'window'; binary: string } | { kind: 'download' } | { kind: 'browser' };

/**
 * What `npm run app:demo` does: the window where Electron's binary is present; otherwise one try
 * to fetch it (unless PARSCORE_ELECTRON_DOWNLOAD=0 or it was tried already); otherwise the browser mode.
 */
export function decideLaunch(binary: string | null, opts: { downloadAllowed: boolean; downloadTried: boolean }): Launch {
  if (binary) return { kind: 'window', binary };
  if (opts.downloadAllowed && !opts.downloadTried) return { kind: 'download' };
  return { kind: 'browser' };
}
