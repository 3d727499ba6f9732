import { type Command, InvalidArgumentError } from 'commander';
import { isLang } from '../../../shared/i18n/index.ts';
import { REPORT_NAMES, type ReportName, documentNumber, isReportName, writeReports } from '../../services/reports/index.ts';
import { DOCUMENT_NO_MAX } from '../../services/reports/kit/context.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { printWarnings } from '../repairs.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { type Runner, dateArg } from '../main.ts';
import { applyLocale } from '../program.ts';
import { loadHistory } from '../history.ts';
import { withWorkspace } from '../workspace.ts';

/** `--number`: what the header can print (one line, not too long), trimmed. */
function documentNumberArg(ctx: CliContext) {
  return (value: string): string => {
    const n = documentNumber(value);
    if (n === null) throw new InvalidArgumentError(msg(ctx, 'cli.bad_document_number', { max: DOCUMENT_NO_MAX }));
    return n;
  };
}

export function registerReport(ctx: CliContext, program: Command, runner: Runner): void {
  applyLocale(ctx, program.command('report'))
    .description(msg(ctx, 'cli.report.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .requiredOption('--out <dir>', msg(ctx, 'cli.opt.out_dir'))
    .option('--only <names...>', msg(ctx, 'cli.opt.only', { names: REPORT_NAMES.join(', ') }))
    .option('--history <file>', msg(ctx, 'cli.opt.history'), (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--report-lang <lang>', msg(ctx, 'cli.opt.report_lang'))
    .option('--date <yyyy-mm-dd>', msg(ctx, 'cli.opt.report_date'), dateArg(ctx))
    .option('--number <number>', msg(ctx, 'cli.opt.report_number'), documentNumberArg(ctx))
    .option('--allow-missing', msg(ctx, 'wsafe.opt.allow_missing'))
    .action(
      runner.wrap((dir: string, o: { out: string; only?: string[]; history: string[]; reportLang?: string; date?: string; number?: string; allowMissing?: boolean }) =>
        withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            const only: ReportName[] = [];
            for (const n of o.only ?? []) {
              if (!isReportName(n)) {
                ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--only ${n} (${REPORT_NAMES.join(', ')})` }));
                return EXIT.USAGE;
              }
              only.push(n);
            }
            const lang = o.reportLang === undefined ? ctx.lang : isLang(o.reportLang) ? o.reportLang : null;
            if (!lang) {
              ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--report-lang ${o.reportLang}` }));
              return EXIT.USAGE;
            }
            const loaded = await loadHistory(o.history);
            if (!loaded.ok) {
              printIssues(ctx, loaded.error);
              return loaded.error.some((i) => i.code === 'cli.file_not_found') ? EXIT.IO : EXIT.INVALID;
            }
            const history = loaded.value;
            const r = await writeReports(ws, o.out, { only, lang, history, date: o.date, number: o.number, allowMissing: !!o.allowMissing, onProgress: (name) => ctx.err(msg(ctx, 'cli.report.progress', { name })) });
            if (!r.ok) {
              printIssues(ctx, r.error);
              return EXIT.INVALID;
            }
            printWarnings(ctx, r.value.results.issues);
            for (const f of r.value.files) ctx.out(msg(ctx, 'cli.written', { file: f }));
            ctx.out(msg(ctx, 'cli.report.done', { n: r.value.files.length, dir: o.out }));
            return EXIT.OK;
          },
          { readOnly: true },
        ),
      ),
    );
}
