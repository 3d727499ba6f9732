#!/usr/bin/env node
// Runs the CLI from a bundle of the current sources, as the desktop app runs dist/main: built with
// esbuild on first use and again whenever a source it was built from has changed (esbuild's own list
// of its inputs, checked by modification time). Compiling the TypeScript on every run, in the main
// thread and again in every worker thread, cost a national import 2–3 s. Where the bundle cannot be
// built or written (no esbuild, a read-only folder), the sources run through tsx as before.
// PARSCORE_CLI_CACHE: another folder for the bundle; PARSCORE_CLI_FROM_SOURCES=1: always tsx.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const out = process.env.PARSCORE_CLI_CACHE || join(root, 'node_modules', '.cache', 'parscore-cli');
const bundle = join(out, 'cli.mjs');
const inputsFile = join(out, 'inputs.json');

/** The bundle exists and no source it was built from is newer. */
function fresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return Array.isArray(inputs) && inputs.every((f) => statSync(join(root, f)).mtimeMs < built);
  } catch {
    return false;
  }
}

/** Builds the CLI and the worker threads' module next to it (where workers/pool.ts looks), then the list of sources. */
async function rebuild() {
  const { build } = await import('esbuild');
  mkdirSync(out, { recursive: true });
  const tag = `${process.pid}-${Date.now()}`;
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'silent', absWorkingDir: root, metafile: true };
  // Written under temporary names and renamed: another run starting meanwhile never loads half a file.
  const cli = await build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: join(out, `cli.${tag}.mjs`) });
  const worker = await build({ ...common, entryPoints: ['electron/services/workers/worker.ts'], outfile: join(out, `worker.${tag}.js`) });
  const inputs = [...new Set([...Object.keys(cli.metafile.inputs), ...Object.keys(worker.metafile.inputs)])].filter((f) => !f.startsWith('node_modules/'));
  renameSync(join(out, `worker.${tag}.js`), join(out, 'worker.js'));
  renameSync(join(out, `cli.${tag}.mjs`), bundle);
  writeFileSync(join(out, `inputs.${tag}.json`), JSON.stringify(inputs));
  renameSync(join(out, `inputs.${tag}.json`), inputsFile);
}

async function loadMain() {
  if (process.env.PARSCORE_CLI_FROM_SOURCES !== '1') {
    try {
      if (!fresh()) await rebuild();
      return (await import(pathToFileURL(bundle).href)).main;
    } catch {
      // fall through to the sources
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import(pathToFileURL(join(dirname(import.meta.dirname), 'electron', 'cli', 'main.ts')).href)).main;
}

// A reader that stops early (`parscore … | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
