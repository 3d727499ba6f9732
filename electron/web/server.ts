import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { type EventName, type EventPayload, MAX_CAMPAIGN_FILE_BYTES, MAX_EVIDENCE_BYTES, MAX_RESULTS_BYTES, MAX_SURVEY_BYTES, base64Length, events, MAX_SETUP_XLSX_BYTES, STAGE_BODY } from '../../shared/ipc/index.ts';
import { IssueError, issue } from '../../shared/util/issue.ts';
import { type AppContext, dispatch } from '../main/handlers/index.ts';
import { CONTENT_SECURITY_POLICY } from '../main/security.ts';
import { type GuardConfig, isLoopbackBind, judge } from './guard.ts';

/**
 * The browser mode: the built renderer and the IPC contract over HTTP, through the same handlers
 * and validation as Electron's main, bound to loopback and guarded by a per-run secret (guard.ts).
 */
export interface WebServerOptions {
  rendererRoot: string;
  /** Loopback only; anything else is refused before a socket is opened. */
  host?: string;
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  /** Default: 32 random bytes, new every run. */
  secret?: string;
  /** The handlers' context, given the function that pushes events to every open page. */
  context: (emit: AppContext['emit']) => AppContext;
}

export interface WebServer {
  port: number;
  /** The address to open once: holds the secret. */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
/** Largest IPC request body accepted (the contract's inputs are small), but for an evidence file sent as base64. */
const MAX_BODY = 1024 * 1024;
const MAX_EVIDENCE_BODY = base64Length(MAX_EVIDENCE_BYTES) + MAX_BODY;
/** The channels that carry a picked file's bytes (shared/ipc/files.ts), with their body limit. */
const FILE_BODIES: ReadonlyMap<string, number> = new Map([
  ['entry:addEvidence', MAX_EVIDENCE_BODY],
  ['appraisal:import', MAX_EVIDENCE_BODY],
  ['start:inspectCampaign', base64Length(MAX_CAMPAIGN_FILE_BYTES) + MAX_BODY],
  ['start:joinCampaign', base64Length(MAX_CAMPAIGN_FILE_BYTES) + MAX_BODY],
  // Up to 20 extra documents: each within the evidence limit, all within what one request may carry.
  ['appraisal:explain', 4 * MAX_EVIDENCE_BODY],
  ['survey:preview', base64Length(MAX_SURVEY_BYTES) + MAX_BODY],
  ['survey:store', base64Length(MAX_SURVEY_BYTES) + MAX_BODY],
  ['results:loadEarlier', base64Length(MAX_RESULTS_BYTES) + MAX_BODY],
  ['campaign:readAgencies', base64Length(MAX_SETUP_XLSX_BYTES) + MAX_BODY],
  ['campaign:create', base64Length(MAX_SETUP_XLSX_BYTES) + MAX_BODY],
  ['campaign:setAgencies', base64Length(MAX_SETUP_XLSX_BYTES) + MAX_BODY],
  ['campaign:importTemplate', base64Length(MAX_SETUP_XLSX_BYTES) + MAX_BODY],
  // The inbox's files, sent ahead in chunks (shared/ipc/inbox.ts).
  ['inbox:stage', STAGE_BODY],
]);

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackBind(host)) throw new IssueError(issue('shell.web.bind_refused', {}, { host }));
  if (!existsSync(join(opts.rendererRoot, 'index.html'))) throw new IssueError(issue('shell.web.no_build'));
  const secret = opts.secret ?? randomBytes(32).toString('base64url');
  const guard: GuardConfig = { port: 0, secret, session: randomBytes(32).toString('base64url') };
  const streams = new Set<ServerResponse>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const data = events[event].parse(payload);
    for (const res of streams) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const ctx = opts.context(emit);
  const root = normalize(opts.rendererRoot);

  const server = createServer((req, res) => {
    const verdict = judge({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }, guard);
    if (verdict.kind === 'forbid') {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('403');
      return;
    }
    if (verdict.kind === 'exchange') {
      res.writeHead(302, { location: verdict.location, 'set-cookie': verdict.cookie, 'cache-control': 'no-store' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) return void ipc(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (req.method === 'GET' && url.pathname === '/events') return openStream(res);
    if (req.method !== 'GET') return void res.writeHead(405).end();
    serveFile(res, url.pathname);
  });

  async function ipc(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > (FILE_BODIES.get(channel) ?? MAX_BODY)) return void res.writeHead(413).end();
      chunks.push(c as Buffer);
    }
    let payload: unknown;
    try {
      payload = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    } catch {
      payload = null; // refused by the contract's validation, like any other bad payload
    }
    const result = await dispatch(channel, payload, ctx);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(result));
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': open\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  function serveFile(res: ServerResponse, pathname: string): void {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const file = join(root, rel);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(readFileSync(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new IssueError(issue('shell.web.port_busy', {}, { port: String(opts.port) })) : e),
    );
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  return {
    port,
    url: `http://127.0.0.1:${port}/?k=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
