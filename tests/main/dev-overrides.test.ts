/**
 * PARSCORE_DEV_SERVER and PARSCORE_USER_DATA are for `npm run dev` and the e2e tests: the real
 * main process (electron/main/index.ts) is started with Electron faked at the boundary, packaged
 * and not, with both variables set, and what it loads, trusts for IPC and where it keeps its data
 * are checked.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { devOverrides } from '../../electron/main/dev-overrides.ts';

type IpcListener = (event: { senderFrame?: { url: string } | null }, raw: unknown) => unknown;

const fake = vi.hoisted(() => ({
  isPackaged: true,
  loaded: [] as string[],
  setPaths: [] as [string, string][],
  ipc: new Map<string, IpcListener>(),
  errors: [] as string[],
  menu: null as unknown as { label: string }[] | null,
  app: null as unknown as import('node:events').EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    setPath: (name: string, path: string) => void fake.setPaths.push([name, path]),
    // userData as set (tests' PARSCORE_USER_DATA), else a folder of its own under tmp.
    getPath: () => fake.setPaths.findLast(([n]) => n === 'userData')?.[1] ?? join(tmpdir(), 'parscore-fake-user-data'),
    getVersion: () => '0.1.0',
    enableSandbox: () => undefined,
    whenReady: () => Promise.resolve(),
    exit: () => undefined,
    quit: () => undefined,
  });
  // Read when the main process asks (Object.assign would copy a getter's value once).
  Object.defineProperty(app, 'isPackaged', { get: () => fake.isPackaged });
  fake.app = app;
  class BrowserWindow {
    webContents = { send: () => undefined };
    setProgressBar(): void {}
    once(): void {}
    show(): void {}
    loadURL(url: string): Promise<void> {
      fake.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app,
    BrowserWindow,
    Menu: { buildFromTemplate: (t: { label: string }[]) => t, setApplicationMenu: (m: { label: string }[]) => void (fake.menu = m) },
    dialog: { showErrorBox: (_title: string, text: string) => void fake.errors.push(text) },
    ipcMain: { handle: (channel: string, listener: IpcListener) => void fake.ipc.set(channel, listener) },
    net: { fetch: () => Promise.reject(new Error('no network in tests')) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    shell: { openExternal: () => Promise.resolve() },
  };
});

/** A stand-in for a window's webContents: tells whether a navigation was prevented. */
class FakeContents extends EventEmitter {
  setWindowOpenHandler(): void {}
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

const DEV = 'http://127.0.0.1:5173';
let dir: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parscore-main-'));
  fake.loaded = [];
  fake.setPaths = [];
  fake.ipc = new Map();
  fake.errors = [];
  fake.menu = null;
  process.env.PARSCORE_DEV_SERVER = `${DEV}/`;
  process.env.PARSCORE_USER_DATA = join(dir, 'user-data');
  // A named workspace must be one (a start without one shows the first-run screen instead).
  process.env.PARSCORE_WORKSPACE = join(dir, 'workspace');
  const { WorkspaceStore } = await import('../../electron/services/store/workspace.ts');
  await (await WorkspaceStore.create(join(dir, 'workspace'), { name: 'Sở Nội vụ', role: 'home-affairs' })).close();
  vi.resetModules();
});

afterEach(async () => {
  fake.app.emit('before-quit');
  // The faked module outlives vi.resetModules: the next start must not meet this one's listeners.
  fake.app.removeAllListeners();
  process.env = { ...saved };
  await rm(dir, { recursive: true, force: true });
});

/** Starts the main process and waits for its window to load a page. */
async function start(packaged: boolean): Promise<{ contents: FakeContents }> {
  fake.isPackaged = packaged;
  await import('../../electron/main/index.ts');
  await vi.waitFor(() => expect(fake.loaded.length + fake.errors.length).toBeGreaterThan(0), { timeout: 10_000 });
  expect(fake.errors).toEqual([]);
  const contents = new FakeContents();
  fake.app.emit('web-contents-created', {}, contents);
  return { contents };
}

async function callFrom(url: string): Promise<unknown> {
  const summary = fake.ipc.get('workspace:summary');
  if (!summary) throw new Error('workspace:summary is not registered');
  return summary({ senderFrame: { url } }, {});
}

describe('development overrides in a packaged app', () => {
  it('a packaged app loads its own page, trusts no dev server and keeps its userData, whatever the environment says', async () => {
    const { contents } = await start(true);
    expect(fake.loaded).toEqual(['app://parscore/index.html']);
    expect(fake.setPaths).toEqual([]);
    expect(contents.navigate(`${DEV}/index.html`)).toBe(true);
    expect(await callFrom(`${DEV}/index.html`)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(await callFrom('app://parscore/index.html')).toMatchObject({ ok: true });
  });

  it('an unpackaged app (npm run dev) loads the dev server and trusts it', async () => {
    const { contents } = await start(false);
    expect(fake.loaded).toEqual([DEV]);
    expect(fake.setPaths).toEqual([['userData', join(dir, 'user-data')]]);
    expect(contents.navigate(`${DEV}/index.html`)).toBe(false);
    expect(await callFrom(`${DEV}/index.html`)).toMatchObject({ ok: true });
    // The native menu, in the saved language (Vietnamese by default).
    expect(fake.menu?.map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']);
  });
});

describe('devOverrides', () => {
  it('takes only a loopback http(s) dev server, even unpackaged', () => {
    const env = (v: string) => ({ PARSCORE_DEV_SERVER: v });
    expect(devOverrides({ isPackaged: false }, env('http://localhost:5173/x'))).toEqual({ devOrigin: 'http://localhost:5173' });
    for (const v of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1.evil.example/', 'not a url']) {
      expect(devOverrides({ isPackaged: false }, env(v)), v).toEqual({});
    }
    expect(devOverrides({ isPackaged: true }, { PARSCORE_DEV_SERVER: 'http://localhost:5173', PARSCORE_USER_DATA: '/tmp/x' })).toEqual({});
  });
});
