import { BrowserWindow, app, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatIssue, isLang, t, type Lang } from '../../shared/i18n/index.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { AppService } from '../services/app-service.ts';
import { WorkspaceStore } from '../services/store/workspace.ts';
import { devOverrides } from './dev-overrides.ts';
import { installGuards, registerIpc } from './guards.ts';
import { handlersFor } from './ipc.ts';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, resolveAppPath } from './security.ts';

const lang: Lang = isLang(process.env.PARSCORE_LANG) ? process.env.PARSCORE_LANG : 'vi';
const rendererRoot = join(import.meta.dirname, '..', 'renderer');
// Set by `npm run dev` and the e2e tests; ignored by a packaged app (dev-overrides.ts).
const { devOrigin, userData } = devOverrides(app, process.env);

if (userData) app.setPath('userData', userData);
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

function workspaceDir(): string {
  const i = process.argv.indexOf('--workspace');
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1]!;
  return process.env.PARSCORE_WORKSPACE ?? join(app.getPath('userData'), 'workspace');
}

async function openWorkspace(dir: string): Promise<WorkspaceStore> {
  if (existsSync(join(dir, 'workspace.json'))) return WorkspaceStore.open(dir);
  return WorkspaceStore.create(dir, { name: t(lang, 'app.default_workspace_name'), role: 'home-affairs' });
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
  let ws: WorkspaceStore;
  try {
    ws = await openWorkspace(workspaceDir());
  } catch (e) {
    const text = e instanceof IssueError ? e.issues.map((i) => formatIssue(lang, i)).join('\n') : String(e);
    dialog.showErrorBox(t(lang, 'app.workspace_error_title'), text);
    app.exit(3);
    return;
  }
  registerIpc(ipcMain, handlersFor(new AppService(ws, lang)), lang, devOrigin);
  app.on('before-quit', () => void ws.close());
  const win = new BrowserWindow({
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
  win.once('ready-to-show', () => win.show());
  await win.loadURL(devOrigin ?? `${APP_ORIGIN}/index.html`);
}

app.on('window-all-closed', () => app.quit());
void app.whenReady().then(start);
