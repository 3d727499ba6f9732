import type { Command } from 'commander';
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatNumber } from '../../../shared/i18n/index.ts';
import type { Template } from '../../../shared/schema/index.ts';
import { builtinTemplates } from '../../services/templates/builtin.ts';
import { loadTemplateFile, resolveTemplate } from '../../services/templates/source.ts';
import { writeTemplateXlsx } from '../../services/template-xlsx/index.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';
import { table } from '../table.ts';

function summary(ctx: CliContext, tpl: Template): string {
  const leaves = tpl.items.filter((i) => !tpl.items.some((c) => c.parent === i.code)).length;
  return msg(ctx, 'cli.template.summary', {
    title: ctx.lang === 'en' && tpl.title.en ? tpl.title.en : tpl.title.vi,
    id: `${tpl.id}@${tpl.version}`,
    items: tpl.items.length,
    leaves,
    max: tpl.maxPoints,
  });
}

async function writeOut(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, data);
}

export function registerTemplate(ctx: CliContext, program: Command, runner: Runner): void {
  const group = applyLocale(ctx, program.command('template')).description(msg(ctx, 'cli.template.description'));

  applyLocale(ctx, group.command('list'))
    .description(msg(ctx, 'cli.template.list.description'))
    .option('--json', msg(ctx, 'cli.opt.json'))
    .action(
      runner.wrap(async (opts: { json?: boolean }): Promise<ExitCode> => {
        const list = builtinTemplates().map((b) => b.template);
        if (opts.json) {
          ctx.out(JSON.stringify(list.map((t) => ({ id: t.id, version: t.version, title: t.title, appliesTo: t.appliesTo, maxPoints: t.maxPoints, sample: t.sample, legalBasis: t.legalBasis })), null, 2));
          return EXIT.OK;
        }
        const rows = [
          [msg(ctx, 'cli.col.id'), msg(ctx, 'cli.col.title'), msg(ctx, 'cli.col.applies_to'), msg(ctx, 'cli.col.max'), msg(ctx, 'cli.col.items')],
          ...list.map((t) => [
            `${t.id}@${t.version}`,
            `${ctx.lang === 'en' && t.title.en ? t.title.en : t.title.vi}`,
            t.appliesTo.map((g) => msg(ctx, `cli.group.${g}`)).join(', '),
            formatNumber(ctx.lang, t.maxPoints),
            String(t.items.length),
          ]),
        ];
        for (const line of table(rows, { maxWidth: [18, 90, 40, 6, 6], alignRight: [3, 4] })) ctx.out(line);
        if (list.some((t) => t.sample)) ctx.out(`\n${msg(ctx, 'cli.template.sample_notice')}`);
        return EXIT.OK;
      }),
    );

  applyLocale(ctx, group.command('validate'))
    .description(msg(ctx, 'cli.template.validate.description'))
    .argument('<file>', msg(ctx, 'cli.arg.template_file'))
    .action(
      runner.wrap(async (file: string): Promise<ExitCode> => {
        const r = await loadTemplateFile(file);
        if (!r.ok) {
          printIssues(ctx, r.error);
          return r.error.some((i) => i.code.startsWith('cli.file')) ? EXIT.IO : EXIT.INVALID;
        }
        ctx.out(`${msg(ctx, 'cli.template.valid')} ${summary(ctx, r.value)}`);
        return EXIT.OK;
      }),
    );

  applyLocale(ctx, group.command('import-xlsx'))
    .description(msg(ctx, 'cli.template.import.description'))
    .argument('<file>', msg(ctx, 'cli.arg.xlsx_file'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_json'))
    .action(
      runner.wrap(async (file: string, opts: { out: string }): Promise<ExitCode> => {
        const r = await loadTemplateFile(file);
        if (!r.ok) {
          printIssues(ctx, r.error);
          return r.error.some((i) => i.code.startsWith('cli.file')) ? EXIT.IO : EXIT.INVALID;
        }
        await writeOut(opts.out, `${JSON.stringify(r.value, null, 2)}\n`);
        ctx.out(msg(ctx, 'cli.written', { file: opts.out }));
        ctx.out(summary(ctx, r.value));
        return EXIT.OK;
      }),
    );

  applyLocale(ctx, group.command('export-xlsx'))
    .description(msg(ctx, 'cli.template.export.description'))
    .argument('<id>', msg(ctx, 'cli.arg.template_ref'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_xlsx'))
    .option('--sheet-lang <lang>', msg(ctx, 'cli.opt.sheet_lang'))
    .action(
      runner.wrap(async (ref: string, opts: { out: string; sheetLang?: string }): Promise<ExitCode> => {
        const r = await resolveTemplate(ref);
        if (!r.ok) {
          printIssues(ctx, r.error);
          return EXIT.INVALID;
        }
        const lang = opts.sheetLang === 'en' ? 'en' : opts.sheetLang === 'vi' || !opts.sheetLang ? ctx.lang : null;
        if (!lang) {
          ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--sheet-lang ${opts.sheetLang}` }));
          return EXIT.USAGE;
        }
        await writeOut(opts.out, await writeTemplateXlsx(r.value, { lang }));
        ctx.out(msg(ctx, 'cli.written', { file: opts.out }));
        return EXIT.OK;
      }),
    );
}
