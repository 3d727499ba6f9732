import { BrowserWindow, Menu, app, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { formatIssue, isLang, t, type Lang } from '../../shared/i18n/index.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { AppService } from '../services/app-service.ts';
import type { WorkspaceStore } from '../services/store/workspace.ts';
import { startupWorkspace } from '../services/start/first-run.ts';
import { workspaceContext } from './handlers/slot.ts';
import { devOverrides } from './dev-overrides.ts';
import { installGuards, registerIpc } from './guards.ts';
import type { AppContext } from './handlers/index.ts';
import { events, type EventName, type EventPayload } from '../../shared/ipc/index.ts';
import { SettingsStore } from '../services/settings.ts';
import { nativeMenuTemplate } from './menu.ts';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, resolveAppPath } from './security.ts';

// PARSCORE_LANG, when set, becomes the saved choice (one language state: the settings file).
const envLang: Lang | undefined = isLang(process.env.PARSCORE_LANG) ? process.env.PARSCORE_LANG : undefined;
let lang: Lang = envLang ?? 'vi';
const rendererRoot = join(import.meta.dirname, '..', 'renderer');
// Set by `npm run dev` and the e2e tests; ignored by a packaged app (dev-overrides.ts).
const { devOrigin, userData } = devOverrides(app, process.env);

if (userData) app.setPath('userData', userData);
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

/** The folder named at the start (`--workspace DIR`, or PARSCORE_WORKSPACE), if any. */
function workspaceDir(): string | undefined {
  const i = process.argv.indexOf('--workspace');
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1]!;
  return process.env.PARSCORE_WORKSPACE || undefined;
}

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const file = resolveAppPath(rendererRoot, request.url, join, sep);
    if (!file || !existsSync(file)) return new Response(null, { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

async function start(): Promise<void> {
  installGuards(app, session.defaultSession, shell, devOrigin);
  serveRenderer();
  const settings = await SettingsStore.open(app.getPath('userData'));
  if (envLang) await settings.setLang(envLang).catch(() => undefined);
  lang = settings.get().lang;
  // Named → that one; else the most recent one still there; else none: the first-run screen.
  let ws: WorkspaceStore | null;
  try {
    ws = await startupWorkspace(workspaceDir(), settings.get().recent);
  } catch (e) {
    const text = e instanceof IssueError ? e.issues.map((i) => formatIssue(lang, i)).join('\n') : String(e);
    dialog.showErrorBox(t(lang, 'app.workspace_error_title'), text);
    app.exit(3);
    return;
  }
  if (ws) await settings.addRecent(ws.dir, ws.index.name).catch(() => undefined); // a preference: never blocks opening
  let win: BrowserWindow | null = null;
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const data = events[event].parse(payload);
    win?.webContents.send(event, data);
    // Long jobs also show on the taskbar (Windows) or dock (macOS); -1 clears it.
    if (event === 'job:progress') {
      const p = data as EventPayload<'job:progress'>;
      win?.setProgressBar(p.total ? (p.done >= p.total ? -1 : p.done / p.total) : 2);
    }
  };
  const ctx: AppContext = workspaceContext({ settings, version: app.getVersion(), mode: 'electron', emit, userData: app.getPath('userData') }, ws ? new AppService(ws, lang) : null);
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(nativeMenuTemplate(settings.get().lang, settings.get().recent, ctx.hasWorkspace ? ctx.service.dir : '', (command, path) => emit('menu:command', { command, ...(path ? { path } : {}) }))),
    );
  // The signed submission goes where the user says (the default name is the CLI's).
  ctx.saveFile = async (defaultName) => {
    // The filter follows the file: a signed .parscore, a workbook, a CSV.
    const ext = extname(defaultName).slice(1) || 'parscore';
    const opts = { defaultPath: defaultName, filters: [{ name: ext === 'parscore' ? 'ParScore' : ext.toUpperCase(), extensions: [ext] }] };
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    if (r.canceled || !r.filePath) return null;
    const path = r.filePath;
    return async (bytes) => {
      await writeFile(path, bytes);
      return path;
    };
  };
  ctx.pickFolder = async () => {
    const opts = { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as ('openDirectory' | 'createDirectory' | 'promptToCreate')[] };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  // A document an agency sent, opened with the system's program: a copy in a fresh temporary folder (its own name kept, the path not guessable).
  ctx.openFile = async (fileName, bytes) => {
    const dir = await mkdtemp(join(tmpdir(), 'parscore-'));
    const path = join(dir, basename(fileName).replace(/[\\/:*?"<>|]/g, '_') || 'tai-lieu');
    await writeFile(path, bytes);
    const failed = await shell.openPath(path);
    if (failed) throw new Error(failed);
  };
  ctx.openPath = (path) => shell.openPath(path);
  ctx.onLangChange = setMenu;
  ctx.onWorkspaceChange = setMenu;
  registerIpc(ipcMain, ctx, devOrigin);
  setMenu();
  app.on('before-quit', () => void ctx.closeWorkspace?.());
  win = new BrowserWindow({
    width: 1360,
    height: 860,
    title: 'ParScore',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(devOrigin ?? `${APP_ORIGIN}/index.html`);
}

app.on('window-all-closed', () => app.quit());
void app.whenReady().then(start);
