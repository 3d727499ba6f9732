import { type Argument, Command, CommanderError, Help, type Option } from 'commander';
import { hasMessage } from '../../shared/i18n/index.ts';
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

/**
 * The placeholders of a usage line or option ("<workspace>", "[options]", "<files...>") in the
 * user's language: `cli.ph.<name>` when the catalogue has it, else as written.
 */
export function placeholders(ctx: CliContext, text: string): string {
  return text.replace(/([<[])([^<>[\]\s]+?)(\.\.\.)?([>\]])/g, (m, open: string, name: string, dots: string | undefined, close: string) => {
    const key = `cli.ph.${name}`;
    return hasMessage(key) ? `${open}${msg(ctx, key)}${dots ?? ''}${close}` : m;
  });
}

/** A default value as a clerk reads it: the text itself, not JSON ("vi", not "\"vi\""). */
function shownDefault(v: unknown): string | null {
  if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function withDefault(ctx: CliContext, description: string, value: string | null): string {
  if (value === null) return description;
  const extra = `(${msg(ctx, 'cli.help.default', { v: value })})`;
  return description ? `${description} ${extra}` : extra;
}

/**
 * Commander's help, every word of it in the user's language: headings, placeholders, "(default: …)".
 * The originals are called for the layout; only their words are changed.
 */
function helpConfiguration(ctx: CliContext): Partial<Help> {
  return {
    styleTitle: (s: string) => (TITLES[s] ? msg(ctx, TITLES[s]) : s),
    sortSubcommands: false,
    commandUsage(this: Help, cmd: Command) {
      return placeholders(ctx, Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return placeholders(ctx, Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionTerm(this: Help, option: Option) {
      return placeholders(ctx, Help.prototype.optionTerm.call(this, option));
    },
    argumentTerm: (argument: Argument) => placeholders(ctx, `<${argument.name()}>`).replace(/^<(.*)>$/, '$1'),
    optionDescription: (option: Option) => {
      // As commander does: a default is shown for an option that takes a value, or a boolean one.
      const takesValue = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      return withDefault(ctx, option.description, takesValue ? (option.defaultValueDescription ?? shownDefault(option.defaultValue)) : null);
    },
    argumentDescription: (argument: Argument) => withDefault(ctx, argument.description, argument.defaultValueDescription ?? shownDefault(argument.defaultValue)),
  } as Partial<Help>;
}

/** A commander Command that speaks the user's language and never calls process.exit itself. */
export function localizedCommand(ctx: CliContext, name: string): Command {
  const cmd = new Command(name);
  applyLocale(ctx, cmd);
  return cmd;
}

export function applyLocale(ctx: CliContext, cmd: Command): Command {
  return cmd
    .helpOption('-h, --help', msg(ctx, 'cli.help.help_option'))
    .configureHelp(helpConfiguration(ctx))
    .configureOutput({
      writeOut: (s) => ctx.out(s.replace(/\n$/, '')),
      writeErr: (s) => ctx.err(s.replace(/\n$/, '')),
      // Errors are printed by main() from the error code, in the user's language.
      outputError: () => undefined,
    })
    .exitOverride()
    .showSuggestionAfterError(false);
}

/** The `help [command]` of every command that has subcommands, described in the user's language (once they are all registered). */
export function localizeHelpCommands(ctx: CliContext, cmd: Command): void {
  if (cmd.commands.length > 0) {
    cmd.helpCommand('help [command]', msg(ctx, 'cli.help.help_command'));
    for (const sub of cmd.commands) localizeHelpCommands(ctx, sub);
  }
}

/** "option '--agencies <n>' argument 'x' is invalid. why" and "command-argument value 'x' is invalid for argument 'y'. why". */
function invalidValue(ctx: CliContext, message: string): string {
  const option = /option '([^']+)' argument '([^']*)' is invalid\.\s*(.*)$/s.exec(message);
  if (option) return msg(ctx, 'cli.usage.invalid_option_value', { option: longFlag(option[1]!), value: option[2]!, detail: option[3]!.trim() });
  const argument = /command-argument value '([^']*)' is invalid for argument '([^']+)'\.\s*(.*)$/s.exec(message);
  if (argument) {
    return msg(ctx, 'cli.usage.invalid_argument_value', { argument: argumentName(ctx, argument[2]!), value: argument[1]!, detail: argument[3]!.trim() });
  }
  return msg(ctx, 'cli.usage.invalid_argument', { v: message.replace(/^error: /, '') });
}

/** "--received-at <yyyy-mm-dd>" → "--received-at", "-V, --version" → "--version": the flag as typed. */
function longFlag(flags: string): string {
  return flags.split(/[ ,|]+/).find((f) => f.startsWith('--')) ?? flags.split(/[ ,|]+/)[0] ?? flags;
}

function argumentName(ctx: CliContext, name: string): string {
  return placeholders(ctx, `<${name}>`).replace(/^<(.*)>$/, '$1');
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
      return msg(ctx, 'cli.usage.missing_argument', { v: argumentName(ctx, quoted) });
    case 'commander.optionMissingArgument':
      return msg(ctx, 'cli.usage.option_missing_argument', { v: placeholders(ctx, quoted) });
    case 'commander.missingMandatoryOptionValue':
      return msg(ctx, 'cli.usage.missing_option', { v: placeholders(ctx, quoted) });
    case 'commander.excessArguments':
      return msg(ctx, 'cli.usage.excess_arguments');
    case 'commander.invalidArgument':
      return invalidValue(ctx, e.message.replace(/^error: /, ''));
    default:
      return e.message.replace(/^error: /, '');
  }
}
