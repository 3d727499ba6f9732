#!/usr/bin/env node
// Builds the desktop app: main (ESM, dependencies external), preload (one CommonJS file, as a
// sandboxed preload requires), renderer (Vite). Output in dist/, which package.json's "main" names.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/main/index.js', format: 'esm', packages: 'external' });
// The import's worker threads load this file, next to main's bundle (electron/services/workers/pool.ts).
await build({ ...common, entryPoints: ['electron/services/workers/worker.ts'], outfile: 'dist/main/worker.js', format: 'esm', packages: 'external' });
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload/index.cjs', format: 'cjs', external: ['electron'] });
const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);
console.log('built dist/main, dist/preload, dist/renderer');
