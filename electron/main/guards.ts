import { type Channel, contract } from '../../shared/ipc/index.ts';
import { type AppContext, type Handlers, dispatch, handlers as defaultHandlers } from './handlers/index.ts';
import { isInternalUrl, isSafeExternalUrl } from './security.ts';

/*
 * The parts of Electron this module touches, narrowed to what it uses, so tests pass fakes in
 * (Electron's binary cannot start in CI) and the real objects satisfy the same shapes.
 */
interface NavEvent {
  preventDefault(): void;
}
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}
export interface GuardedApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}
export interface GuardedSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
}
export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, raw: unknown) => unknown): void;
}

/** Denies every permission, navigation away from the app, new window and webview. */
export function installGuards(app: GuardedApp, session: GuardedSession, shell: ExternalOpener, devOrigin?: string): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isInternalUrl(url, devOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isInternalUrl(url, devOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** One handler per contract channel; calls from frames other than the app's own are refused. */
export function registerIpc(ipcMain: IpcMainLike, ctx: AppContext, devOrigin?: string, table: Handlers = defaultHandlers): void {
  for (const channel of Object.keys(contract) as Channel[]) {
    ipcMain.handle(channel, (event, raw) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isInternalUrl(frameUrl, devOrigin)) return { ok: false, error: { code: 'IPC_FORBIDDEN_SENDER', message: frameUrl } };
      return dispatch(channel, raw, ctx, table);
    });
  }
}
