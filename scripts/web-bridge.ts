// The browser mode: the real renderer and IPC contract served on 127.0.0.1 (electron/web/), for
// machines without Electron's binary, for development and for the Playwright tests.
//   node --import tsx scripts/web-bridge.ts [--workspace DIR] [--fresh-demo N] [--port P] [--open]
// Without --workspace: the most recent workspace still there, else the first-run screen.
// Prints the address (with this run's secret) once. --secret and --user-data are for tests.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatIssue, isLang, t } from '../shared/i18n/index.ts';
import { IssueError } from '../shared/util/issue.ts';
import { writeDemoWorkspace } from '../electron/services/demo/write.ts';
import { runBrowserMode, stopOnSignals } from '../electron/web/run.ts';

const lang = isLang(process.env.PARSCORE_LANG) ? process.env.PARSCORE_LANG : 'vi';
try {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      'fresh-demo': { type: 'string' },
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: '2024' },
      secret: { type: 'string' },
      'user-data': { type: 'string' },
      open: { type: 'boolean', default: false },
    },
  });
  const dir = values.workspace;
  if (dir && values['fresh-demo']) {
    rmSync(dir, { recursive: true, force: true });
    await writeDemoWorkspace(dir, { agencies: Number(values['fresh-demo']), seed: Number(values.seed) });
  }
  const mode = await runBrowserMode({
    ...(dir ? { workspace: dir } : {}),
    port: Number(values.port),
    open: values.open,
    ...(values.secret ? { secret: values.secret } : {}),
    ...(values['user-data'] ? { userData: values['user-data'] } : {}),
  });
  stopOnSignals(mode);
} catch (e) {
  const text = e instanceof IssueError ? e.issues.map((i) => formatIssue(lang, i)).join('\n') : e instanceof Error ? e.message : String(e);
  console.error(t(lang, 'shell.launch.failed', { reason: text }));
  process.exit(3);
}
