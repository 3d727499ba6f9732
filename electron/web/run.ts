import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { t } from '../../shared/i18n/index.ts';
import { AppService } from '../services/app-service.ts';
import { SettingsStore } from '../services/settings.ts';
import { startupWorkspace } from '../services/start/first-run.ts';
import { workspaceContext } from '../main/handlers/slot.ts';
import type { AppContext } from '../main/handlers/index.ts';
import { type WebServer, startWebServer } from './server.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

/** The version in package.json (what the About box shows). */
export function appVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Where Electron keeps userData for "parscore" on this OS, so both modes share one settings file. */
export function defaultUserData(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PARSCORE_USER_DATA) return env.PARSCORE_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'parscore');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'parscore');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'parscore');
}

export interface BrowserModeOptions {
  /** The workspace to open; absent: the most recent one still there, else none (the first-run screen). */
  workspace?: string;
  /** The built renderer (default: dist/renderer of this checkout). */
  rendererRoot?: string;
  port?: number;
  secret?: string;
  userData?: string;
  /** Open the system browser on the address (when the OS has a way to). */
  open?: boolean;
  print?: (line: string) => void;
}

export interface BrowserMode {
  server: WebServer;
  stop(): Promise<void>;
}

/** Opens the workspace and serves it; prints the address once. Throws IssueError for what the user can fix. */
export async function runBrowserMode(opts: BrowserModeOptions): Promise<BrowserMode> {
  const print = opts.print ?? ((l: string) => console.log(l));
  const userData = opts.userData ?? defaultUserData();
  const settings = await SettingsStore.open(userData);
  const lang = settings.get().lang;
  const ws = await startupWorkspace(opts.workspace, settings.get().recent);
  try {
    const service = ws ? new AppService(ws, lang) : null;
    if (ws) await settings.addRecent(ws.dir, ws.index.name);
    let ctx: AppContext | null = null;
    const server = await startWebServer({
      rendererRoot: opts.rendererRoot ?? join(repoRoot, 'dist', 'renderer'),
      port: opts.port ?? 0,
      ...(opts.secret ? { secret: opts.secret } : {}),
      context: (emit) => (ctx = workspaceContext({ settings, version: appVersion(), mode: 'browser', emit, userData }, service)),
    });
    print(t(lang, 'shell.web.address', { url: server.url }));
    print(t(lang, 'shell.web.address_note'));
    if (opts.open) openInBrowser(server.url);
    return {
      server,
      stop: async () => {
        await server.close();
        // The workspace open now: the user may have switched to another, or closed it.
        await (ctx?.closeWorkspace?.() ?? service?.close());
      },
    };
  } catch (e) {
    await ws?.close();
    throw e;
  }
}

/** Ctrl+C or a kill closes the server and the workspace (its lock released) before the process exits. */
export function stopOnSignals(mode: BrowserMode): void {
  const stop = async () => {
    await mode.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

/** The system's "open this address" command, or null where there is none. */
export function browserOpener(platform = process.platform, path = process.env.PATH ?? ''): { cmd: string; args: string[] } | null {
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""'] };
  const name = platform === 'darwin' ? 'open' : 'xdg-open';
  return path.split(delimiter).some((d) => d && existsSync(join(d, name))) ? { cmd: name, args: [] } : null;
}

/** Never fails: a missing or failing opener leaves the printed address to the user. */
export function openInBrowser(url: string): void {
  const opener = browserOpener();
  if (!opener) return;
  try {
    const child = spawn(opener.cmd, [...opener.args, url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // the address is printed; nothing else to do
  }
}
