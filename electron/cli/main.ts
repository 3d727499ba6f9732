import { CommanderError, InvalidArgumentError } from 'commander';
import { type DateProblem, dateProblem, vietnamDate } from '../../shared/util/date.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import { implausibleDate } from '../../shared/schema/plausible-dates.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { escapeUnsafe } from '../../shared/util/text-safety.ts';
import { type CliContext, detectLang, msg, printIssues } from './context.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { localizeHelpCommands, localizedCommand, usageMessage } from './program.ts';
import pkg from '../../package.json' with { type: 'json' };
import { registerAppraisal } from './commands/appraisal.ts';
import { registerCampaign } from './commands/campaign.ts';
import { registerDemo } from './commands/demo.ts';
import { registerHeadline } from './commands/headline.ts';
import { registerEntry } from './commands/entry.ts';
import { registerReport } from './commands/report.ts';
import { registerResults } from './commands/results.ts';
import { registerSubmission } from './commands/submission.ts';
import { registerScore } from './commands/score.ts';
import { registerSelfWorkbook } from './commands/self-workbook.ts';
import { registerTemplate } from './commands/template.ts';
import { registerWorkspace } from './commands/workspace.ts';
import { withCli } from './repairs.ts';

export type Action = (...args: never[]) => Promise<ExitCode>;

/** Wraps a command's action so its exit code reaches main(). */
export interface Runner {
  wrap<A extends unknown[]>(fn: (...args: A) => Promise<ExitCode>): (...args: A) => Promise<void>;
}

export function positiveInt(ctx: CliContext) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(msg(ctx, 'cli.usage.positive_int', { v: value }));
    return n;
  };
}

/** A line printer that shows unsafe characters escaped (see shared/util/text-safety.ts). */
function safeLines(print: (line: string) => void): (line: string) => void {
  return (line) => print(escapeUnsafe(line));
}

const DATE_MESSAGES: Record<DateProblem, string> = { format: 'cli.bad_date_format', not_a_day: 'cli.bad_date_not_a_day', future: 'cli.bad_date_future' };

/** A yyyy-mm-dd option: a real day; with `notFuture`, not after today in Vietnam (a file cannot have been received tomorrow). */
export function dateArg(ctx: CliContext, opts: { notFuture?: boolean } = {}) {
  return (value: string): string => {
    const today = vietnamDate(Date.now());
    const problem = dateProblem(value, opts.notFuture ? today : undefined);
    if (problem) throw new InvalidArgumentError(msg(ctx, DATE_MESSAGES[problem], { value, today }));
    // A real day, but not a plausible one (year 9999, 1999): the one range of shared/schema/plausible-dates.ts.
    const implausible = implausibleDate(value, {});
    if (implausible) throw new InvalidArgumentError(formatIssue(ctx.lang, implausible));
    return value;
  };
}

/** Runs `parscore` with the given arguments; returns the exit code instead of exiting (testable). */
export async function main(argv: readonly string[], io?: Partial<Pick<CliContext, 'out' | 'err'>>): Promise<ExitCode> {
  const ctx: CliContext = {
    lang: detectLang(argv),
    // Every line printed: bidi overrides and control characters shown escaped (\u202E), so that no
    // text from a file or a workspace can reorder or rewrite what the terminal shows.
    out: safeLines(io?.out ?? ((l) => process.stdout.write(`${l}\n`))),
    err: safeLines(io?.err ?? ((l) => process.stderr.write(`${l}\n`))),
  };
  let code: ExitCode = EXIT.OK;
  const runner: Runner = {
    wrap:
      (fn) =>
      async (...args) => {
        code = await fn(...args);
      },
  };
  const program = localizedCommand(ctx, 'parscore')
    .description(msg(ctx, 'cli.description'))
    .version(pkg.version, '-V, --version', msg(ctx, 'cli.opt.version'))
    .option('--lang <lang>', msg(ctx, 'cli.opt.lang'), ctx.lang)
    .addHelpText('after', `\n${msg(ctx, 'cli.help.exit_codes')}`)
    .showHelpAfterError(false);
  registerTemplate(ctx, program, runner);
  registerScore(ctx, program, runner);
  registerCampaign(ctx, program, runner);
  registerHeadline(ctx, program, runner);
  registerEntry(ctx, program, runner);
  registerSelfWorkbook(ctx, program, runner);
  registerSubmission(ctx, program, runner);
  registerAppraisal(ctx, program, runner);
  registerResults(ctx, program, runner);
  registerReport(ctx, program, runner);
  registerDemo(ctx, program, runner);
  registerWorkspace(ctx, program, runner);
  localizeHelpCommands(ctx, program);

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.USAGE;
    }
    await withCli(ctx, () => program.parseAsync([...argv], { from: 'user' }));
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      ctx.err(`${msg(ctx, 'cli.error')}: ${usageMessage(ctx, e)}`);
      ctx.err(msg(ctx, 'cli.usage.see_help'));
      return EXIT.USAGE;
    }
    if (e instanceof IssueError) {
      printIssues(ctx, e.issues);
      return e.issues.some((i) => i.code.startsWith('store.') || i.code.startsWith('cli.file')) ? EXIT.IO : EXIT.INVALID;
    }
    ctx.err(`${msg(ctx, 'cli.internal_error')}: ${(e as Error)?.stack ?? String(e)}`);
    return EXIT.INTERNAL;
  }
}
