import { type Lang, formatIssue, isLang, t } from '../../shared/i18n/index.ts';
import { type Issue, issuesToShow } from '../../shared/util/issue.ts';
import { debugOn } from '../services/diagnostics.ts';

/** What every command needs: the language, and where to write. Tests pass their own writers. */
export interface CliContext {
  lang: Lang;
  out: (line: string) => void;
  err: (line: string) => void;
}

export function msg(ctx: CliContext, key: string, params?: Record<string, string | number>): string {
  return t(ctx.lang, key, params);
}

/**
 * The issues, at most a hundred per file (then "… and N more"); the header counts them all. With
 * PARSCORE_DEBUG=1 a library's words kept in an issue's detail follow on stderr, for a technician.
 */
export function printIssues(ctx: CliContext, issues: readonly Issue[]): void {
  ctx.err(msg(ctx, 'cli.issues_header', { n: issues.length }));
  for (const i of issuesToShow(issues)) ctx.err(i.code === 'issues.more' ? `  ${formatIssue(ctx.lang, i)}` : `  ✖ ${formatIssue(ctx.lang, i)}`);
  if (!debugOn()) return;
  for (const i of issues) if (typeof i.params?.detail === 'string') ctx.err(`[parscore debug] ${i.code}: ${i.params.detail}`);
}

/** `--lang en` / `--lang=en` anywhere on the line, else PARSCORE_LANG, else Vietnamese. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang' && isLang(argv[i + 1])) return argv[i + 1] as Lang;
    if (a.startsWith('--lang=') && isLang(a.slice(7))) return a.slice(7) as Lang;
  }
  return isLang(env.PARSCORE_LANG) ? env.PARSCORE_LANG : 'vi';
}
