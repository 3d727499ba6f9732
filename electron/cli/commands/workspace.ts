import type { Command } from 'commander';
import { basename } from 'node:path';
import { formatIssue } from '../../../shared/i18n/index.ts';
import { backupWorkspace, restoreWorkspace } from '../../services/workspace-tools/backup.ts';
import { type CheckProblem, checkWorkspace } from '../../services/workspace-tools/check.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';

function printProblem(ctx: CliContext, p: CheckProblem, mark: string): void {
  const [first, ...rest] = p.issues;
  if (first) ctx.out(`  ${mark} ${formatIssue(ctx.lang, first.at?.file ? first : { ...first, at: { ...first.at, file: p.file } })}`);
  for (const i of rest) ctx.out(`      ${formatIssue(ctx.lang, i)}`);
  ctx.out(`      → ${msg(ctx, 'wsafe.check.fix', { fix: formatIssue(ctx.lang, p.fix) })}`);
}

export function registerWorkspace(ctx: CliContext, program: Command, runner: Runner): void {
  const group = applyLocale(ctx, program.command('workspace')).description(msg(ctx, 'wsafe.cli.description'));

  applyLocale(ctx, group.command('check'))
    .description(msg(ctx, 'wsafe.cli.check.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .option('--json', msg(ctx, 'wsafe.opt.json'))
    .action(
      runner.wrap(async (dir: string, o: { json?: boolean }): Promise<ExitCode> => {
        const r = await checkWorkspace(dir);
        const bad = r.problems.length > 0;
        if (o.json) {
          ctx.out(JSON.stringify({ dir: r.dir, files: r.files, ok: !bad, problems: r.problems, notes: r.notes }, null, 2));
          return bad ? EXIT.INVALID : EXIT.OK;
        }
        ctx.out(bad ? msg(ctx, 'wsafe.check.found', { dir, files: r.files, n: r.problems.length }) : msg(ctx, 'wsafe.check.clean', { dir, files: r.files }));
        for (const p of r.problems) printProblem(ctx, p, '✖');
        for (const p of r.notes) printProblem(ctx, p, 'ℹ');
        return bad ? EXIT.INVALID : EXIT.OK;
      }),
    );

  applyLocale(ctx, group.command('backup'))
    .description(msg(ctx, 'wsafe.cli.backup.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .requiredOption('--out <file>', msg(ctx, 'wsafe.opt.backup_out'))
    .action(
      runner.wrap(async (dir: string, o: { out: string }): Promise<ExitCode> => {
        const r = await backupWorkspace(dir, o.out);
        if (!r.ok) {
          printIssues(ctx, r.error);
          return EXIT.INVALID;
        }
        ctx.out(msg(ctx, 'wsafe.backup.done', { files: r.value.files, file: r.value.file, sha: r.value.sha256 }));
        return EXIT.OK;
      }),
    );

  applyLocale(ctx, group.command('restore'))
    .description(msg(ctx, 'wsafe.cli.restore.description'))
    .argument('<file>', msg(ctx, 'wsafe.arg.backup_file'))
    .argument('<dir>', msg(ctx, 'wsafe.arg.restore_dir'))
    .action(
      runner.wrap(async (file: string, dir: string): Promise<ExitCode> => {
        const r = await restoreWorkspace(file, dir, basename(file));
        if (!r.ok) {
          printIssues(ctx, r.error);
          return r.error.some((i) => i.code === 'store.folder_not_empty' || i.code === 'wsafe.restore.failed') ? EXIT.IO : EXIT.INVALID;
        }
        ctx.out(msg(ctx, 'wsafe.restore.done', { files: r.value.files, dir }));
        return EXIT.OK;
      }),
    );
}
