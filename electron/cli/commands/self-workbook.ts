/**
 * `parscore self-workbook export|import`: the agency's whole self-assessment as a fill-in .xlsx
 * for officers who work in Excel (or LibreOffice), and back — entering at the self-workbook service
 * the window calls.
 */
import type { Command } from 'commander';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { isLang, type Lang } from '../../../shared/i18n/index.ts';
import { exportSelfWorkbook, importSelfWorkbook } from '../../services/self-workbook/index.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';
import { withWorkspace } from '../workspace.ts';

export function registerSelfWorkbook(ctx: CliContext, program: Command, runner: Runner): void {
  const group = applyLocale(ctx, program.command('self-workbook')).description(msg(ctx, 'cli.sbook.description'));

  applyLocale(ctx, group.command('export'))
    .description(msg(ctx, 'cli.sbook.export.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_file'))
    .option('--sheet-lang <lang>', msg(ctx, 'cli.sbook.opt.sheet_lang'))
    .action(
      runner.wrap(async (dir: string, o: { out: string; sheetLang?: string }): Promise<ExitCode> => {
        if (o.sheetLang !== undefined && !isLang(o.sheetLang)) {
          ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--sheet-lang ${o.sheetLang}` }));
          return EXIT.USAGE;
        }
        const lang: Lang = o.sheetLang ?? ctx.lang;
        return withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            const bytes = await exportSelfWorkbook(ws, { lang });
            await mkdir(dirname(o.out), { recursive: true });
            await writeFile(o.out, bytes);
            ctx.out(msg(ctx, 'cli.sbook.exported', { file: o.out, agency: ws.index.self ?? '—' }));
            return EXIT.OK;
          },
          { readOnly: true },
        );
      }),
    );

  applyLocale(ctx, group.command('import'))
    .description(msg(ctx, 'cli.sbook.import.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .argument('<file>', msg(ctx, 'cli.sbook.arg.file'))
    .action(
      runner.wrap(async (dir: string, file: string): Promise<ExitCode> => {
        const name = basename(file);
        let data: Buffer;
        try {
          data = await readFile(file);
        } catch (e) {
          const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
          printIssues(ctx, [{ code: missing ? 'cli.file_not_found' : 'cli.file_unreadable', at: { file: name }, params: { detail: (e as NodeJS.ErrnoException).code ?? 'other' } }]);
          return EXIT.IO;
        }
        return withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const r = await importSelfWorkbook(ws, data, name);
          if (!r.ok) {
            printIssues(ctx, r.error);
            ctx.err(msg(ctx, 'cli.sbook.nothing_changed'));
            return EXIT.INVALID;
          }
          const s = r.value;
          ctx.out(msg(ctx, 'cli.sbook.imported', { file: name, agency: s.agency, templates: s.templates, items: s.items, evidence: s.evidence, figures: s.figures, nominations: s.nominations }));
          return EXIT.OK;
        });
      }),
    );
}
