/**
 * The browser mode on a shared PC: every rule of electron/web/ checked over a real socket with a
 * real workspace — wrong Host, wrong Origin, no secret, wrong secret, secret then cookie, and a
 * bind to anything but loopback refused before a socket opens.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoWorkspace } from '../../electron/services/demo/write.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { type WebServer, startWebServer } from '../../electron/web/server.ts';
import { IssueError } from '../../shared/util/issue.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-web-'));
const renderer = join(root, 'renderer');
const SECRET = 'the-secret-of-this-run-0123456789';
let ws: WorkspaceStore;
let server: WebServer;
let settings: SettingsStore;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request: headers exactly as given (a browser's fetch would set Host and Origin itself). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const host = () => `127.0.0.1:${server.port}`;
const origin = () => `http://${host()}`;

/** The cookie a browser gets for opening the printed address. */
async function login(): Promise<string> {
  const r = await send('GET', `/?k=${SECRET}`, { host: host() });
  expect(r.status).toBe(302);
  return String(r.headers['set-cookie']).split(';')[0]!;
}

beforeAll(async () => {
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>ParScore</title>');
  await writeDemoWorkspace(join(root, 'ws'), { agencies: 25, seed: 5 });
  ws = await WorkspaceStore.open(join(root, 'ws'));
  settings = await SettingsStore.open(join(root, 'user-data'));
  const service = new AppService(ws, 'vi');
  server = await startWebServer({ rendererRoot: renderer, secret: SECRET, context: (emit) => ({ service, settings, version: '9.9.9', mode: 'browser', emit }) });
});
afterAll(async () => {
  await server.close();
  await ws.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the browser mode server', () => {
  it('listens on 127.0.0.1 on a port the system picked, and prints the address with the secret', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?k=${SECRET}`);
  });

  it('without the secret: 403 for the page and for the API', async () => {
    expect((await send('GET', '/', { host: host() })).status).toBe(403);
    expect((await send('GET', '/index.html', { host: host() })).status).toBe(403);
    expect((await send('POST', '/ipc/workspace:summary', { host: host(), origin: origin() }, '{}')).status).toBe(403);
  });

  it('a wrong secret: 403, and no cookie', async () => {
    const r = await send('GET', '/?k=not-the-secret', { host: host() });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect((await send('GET', `/?k=${SECRET}x`, { host: host() })).status).toBe(403);
  });

  it('the secret once, then the cookie: HttpOnly, SameSite=Strict, and the address without the secret', async () => {
    const r = await send('GET', `/index.html?k=${SECRET}`, { host: host() });
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/index.html');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(SECRET);
    const c = cookie.split(';')[0]!;
    const page = await send('GET', '/index.html', { host: host(), cookie: c });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>ParScore</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const api = await send('POST', '/ipc/workspace:summary', { host: host(), origin: origin(), cookie: c, 'content-type': 'application/json' }, '{}');
    expect(api.status).toBe(200);
    const result = JSON.parse(api.body) as { ok: boolean; value: { agencies: unknown[] } };
    expect(result.ok).toBe(true);
    expect(result.value.agencies).toHaveLength(25);
    // A made-up cookie is no cookie.
    expect((await send('GET', '/index.html', { host: host(), cookie: 'parscore_session=guess' })).status).toBe(403);
  });

  it('a wrong Host (DNS rebinding) is refused even with the secret or the cookie', async () => {
    const c = await login();
    for (const h of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `0.0.0.0:${server.port}`]) {
      expect((await send('GET', `/?k=${SECRET}`, { host: h })).status, h).toBe(403);
      expect((await send('GET', '/index.html', { host: h, cookie: c })).status, h).toBe(403);
      expect((await send('POST', '/ipc/workspace:summary', { host: h, origin: origin(), cookie: c }, '{}')).status, h).toBe(403);
    }
    expect((await send('GET', '/index.html', { host: `localhost:${server.port}`, cookie: c })).status).toBe(200);
  });

  it('a wrong Origin is refused, and a POST without Origin too', async () => {
    const c = await login();
    for (const o of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, 'null']) {
      expect((await send('POST', '/ipc/workspace:summary', { host: host(), origin: o, cookie: c }, '{}')).status, o).toBe(403);
      expect((await send('GET', '/index.html', { host: host(), origin: o, cookie: c })).status, o).toBe(403);
    }
    expect((await send('POST', '/ipc/workspace:summary', { host: host(), cookie: c }, '{}')).status).toBe(403);
    // A request another site's page makes (the browser says so) is refused with the cookie.
    expect((await send('GET', '/index.html', { host: host(), cookie: c, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('dispatches through the same contract validation as the window', async () => {
    const c = await login();
    const h = { host: host(), origin: origin(), cookie: c };
    const bad = JSON.parse((await send('POST', '/ipc/assessment:get', h, '{"agency":"../../etc"}')).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION' } });
    const unknown = JSON.parse((await send('POST', '/ipc/fs:readFile', h, '{}')).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    const notJson = JSON.parse((await send('POST', '/ipc/assessment:get', h, '{oops')).body);
    expect(notJson).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION' } });
    const info = JSON.parse((await send('POST', '/ipc/app:info', h, '{}')).body);
    expect(info).toEqual({ ok: true, value: { name: 'ParScore', version: '9.9.9', mode: 'browser', workspacePath: ws.dir } });
  });

  it('refuses to listen on anything but loopback, before opening a socket', async () => {
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) {
      const err = await startWebServer({ rendererRoot: renderer, host: h, context: () => ({}) as never }).catch((e: unknown) => e);
      expect(err, h).toBeInstanceOf(IssueError);
      expect((err as IssueError).issues[0]?.code).toBe('shell.web.bind_refused');
    }
  });

  it('a random port and a random secret by default, different every run', async () => {
    const ctx = () => ({}) as never;
    const a = await startWebServer({ rendererRoot: renderer, context: ctx });
    const b = await startWebServer({ rendererRoot: renderer, context: ctx });
    try {
      expect(a.port).not.toBe(b.port);
      const k = (u: string) => new URL(u).searchParams.get('k')!;
      expect(k(a.url).length).toBeGreaterThanOrEqual(40);
      expect(k(a.url)).not.toBe(k(b.url));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
