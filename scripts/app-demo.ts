// `npm run app:demo`: the demo workspace (made if missing), the app built, then the window where
// Electron's binary is present or can be fetched, else the browser mode on the same workspace
// (one line says so), printing the address and opening the system browser where there is one.
// Every failure is one sentence, never a stack trace.
//   node --import tsx scripts/app-demo.ts [--workspace DIR] [--no-build] [--no-open]
//   (--renderer DIR and --user-data DIR are for tests)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, isLang, t } from '../shared/i18n/index.ts';
import { IssueError } from '../shared/util/issue.ts';
import { writeDemoWorkspace } from '../electron/services/demo/write.ts';
import { decideLaunch, downloadElectron, electronBinary } from '../electron/launch/electron-binary.ts';
import { runBrowserMode, stopOnSignals } from '../electron/web/run.ts';

const lang = isLang(process.env.PARSCORE_LANG) ? process.env.PARSCORE_LANG : 'vi';
const root = join(import.meta.dirname, '..');

function fail(e: unknown): never {
  const reason = e instanceof IssueError ? e.issues.map((i) => formatIssue(lang, i)).join(' ') : e instanceof Error ? e.message : String(e);
  console.error(t(lang, 'shell.launch.failed', { reason }));
  process.exit(e instanceof IssueError ? 3 : 4);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const { values } = parseArgs({
  options: {
    workspace: { type: 'string', default: '.demo-workspace' },
    'no-build': { type: 'boolean', default: false },
    'no-open': { type: 'boolean', default: false },
    renderer: { type: 'string' },
    'user-data': { type: 'string' },
  },
});
const dir = values.workspace;

if (!existsSync(join(dir, 'workspace.json'))) {
  await writeDemoWorkspace(dir, { agencies: 150, seed: 2024 });
}
console.log(t(lang, 'shell.launch.demo_ready', { dir }));

if (!values['no-build']) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) fail(new Error(`npm run build (${b.status ?? b.signal})`));
}

let binary = electronBinary();
let tried = false;
const downloadAllowed = process.env.PARSCORE_ELECTRON_DOWNLOAD !== '0';
for (;;) {
  const launch = decideLaunch(binary, { downloadAllowed, downloadTried: tried });
  if (launch.kind === 'download') {
    tried = true;
    if (await downloadElectron(() => console.log(t(lang, 'shell.launch.downloading')))) binary = electronBinary();
    continue;
  }
  if (launch.kind === 'window') {
    const child = spawn(launch.binary, [root, '--workspace', dir], { cwd: root, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => process.exit(code ?? 0));
    break;
  }
  console.log(t(lang, 'shell.launch.no_electron'));
  const mode = await runBrowserMode({
    workspace: dir,
    open: !values['no-open'],
    ...(values.renderer ? { rendererRoot: values.renderer } : {}),
    ...(values['user-data'] ? { userData: values['user-data'] } : {}),
  });
  stopOnSignals(mode);
  break;
}
