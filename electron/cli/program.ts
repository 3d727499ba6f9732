import { Command, CommanderError, Help } from 'commander';
import type { CliContext } from './context.ts';
import { msg } from './context.ts';

/** Commander's fixed English headings, mapped to catalogue keys so help reads in the user's language. */
const TITLES: Record<string, string> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Global Options:': 'cli.help.global_options',
};

/** A commander Command that speaks the user's language and never calls process.exit itself. */
export function localizedCommand(ctx: CliContext, name: string): Command {
  const cmd = new Command(name);
  applyLocale(ctx, cmd);
  return cmd;
}

export function applyLocale(ctx: CliContext, cmd: Command): Command {
  return cmd
    .helpOption('-h, --help', msg(ctx, 'cli.help.help_option'))
    .configureHelp({
      styleTitle: (s: string) => (TITLES[s] ? msg(ctx, TITLES[s]) : s),
      sortSubcommands: false,
    } as Partial<Help>)
    .configureOutput({
      writeOut: (s) => ctx.out(s.replace(/\n$/, '')),
      writeErr: (s) => ctx.err(s.replace(/\n$/, '')),
      // Errors are printed by main() from the error code, in the user's language.
      outputError: () => undefined,
    })
    .exitOverride()
    .showSuggestionAfterError(false);
}

/** Commander's error, said again in the user's language. */
export function usageMessage(ctx: CliContext, e: CommanderError): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return msg(ctx, 'cli.usage.unknown_option', { v: quoted });
    case 'commander.unknownCommand':
      return msg(ctx, 'cli.usage.unknown_command', { v: quoted });
    case 'commander.missingArgument':
      return msg(ctx, 'cli.usage.missing_argument', { v: quoted });
    case 'commander.optionMissingArgument':
      return msg(ctx, 'cli.usage.option_missing_argument', { v: quoted });
    case 'commander.missingMandatoryOptionValue':
      return msg(ctx, 'cli.usage.missing_option', { v: quoted });
    case 'commander.excessArguments':
      return msg(ctx, 'cli.usage.excess_arguments');
    case 'commander.invalidArgument':
      return msg(ctx, 'cli.usage.invalid_argument', { v: e.message.replace(/^error: /, '') });
    default:
      return e.message.replace(/^error: /, '');
  }
}
