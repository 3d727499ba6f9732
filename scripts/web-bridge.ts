// Test/dev web mode: serves the built renderer and the IPC contract over HTTP on 127.0.0.1, backed by
// the same services and the same validation as Electron's main process, so Playwright can drive the
// real UI in Debian's Chromium. Never shipped in the app.
//   node --import tsx scripts/web-bridge.ts --workspace DIR [--fresh-demo N] [--port 4178]
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { AppService } from '../electron/services/app-service.ts';
import { writeDemoWorkspace } from '../electron/services/demo/write.ts';
import { WorkspaceStore } from '../electron/services/store/workspace.ts';
import { dispatch, handlersFor } from '../electron/main/ipc.ts';

const { values } = parseArgs({
  options: { workspace: { type: 'string' }, 'fresh-demo': { type: 'string' }, port: { type: 'string', default: '4178' }, seed: { type: 'string', default: '2024' } },
});
const dir = values.workspace;
if (!dir) throw new Error('--workspace DIR is required');
if (values['fresh-demo']) {
  rmSync(dir, { recursive: true, force: true });
  await writeDemoWorkspace(dir, { agencies: Number(values['fresh-demo']), seed: Number(values.seed) });
}
const ws = await WorkspaceStore.open(dir);
const handlers = handlersFor(new AppService(ws, 'vi'));
const root = join(import.meta.dirname, '..', 'dist', 'renderer');
if (!existsSync(join(root, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      let payload: unknown;
      try {
        payload = body ? JSON.parse(body) : {};
      } catch {
        payload = null; // refused by the contract's validation, like any other bad payload
      }
      const result = await dispatch(handlers, decodeURIComponent(url.pathname.slice(5)), payload, 'vi');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
    return;
  }
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
  const file = join(root, rel);
  if (!file.startsWith(root + sep) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
server.listen(Number(values.port), '127.0.0.1', () => console.log(`web bridge on http://127.0.0.1:${values.port}`));
const stop = async () => {
  server.close();
  await ws.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
