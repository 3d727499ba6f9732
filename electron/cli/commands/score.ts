import type { Command } from 'commander';
import { basename } from 'node:path';
import { formatIssue, formatPoints } from '../../../shared/i18n/index.ts';
import { AssessmentDoc } from '../../../shared/schema/index.ts';
import type { ScoreReport } from '../../../shared/scoring/index.ts';
import { scoreAssessment } from '../../../shared/scoring/index.ts';
import { compileTemplate } from '../../../shared/template/compile.ts';
import { issue } from '../../../shared/util/issue.ts';
import { readJsonFile } from '../../services/json-file.ts';
import { resolveTemplate } from '../../services/templates/source.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';
import { table } from '../table.ts';
import type { Template } from '../../../shared/schema/index.ts';

function stateLabel(ctx: CliContext, state: string): string {
  return msg(ctx, `cli.state.${state}`);
}

/** The score tree as people read it: indented codes, titles, points over max, state. */
export function renderScoreTree(ctx: CliContext, tpl: Template, report: ScoreReport): string[] {
  const rows: string[][] = [[msg(ctx, 'cli.col.code'), msg(ctx, 'cli.col.criterion'), msg(ctx, 'cli.col.score'), msg(ctx, 'cli.col.max'), msg(ctx, 'cli.col.state')]];
  for (const item of tpl.items) {
    const s = report.items[item.code];
    if (!s) continue;
    const indent = '  '.repeat(s.depth);
    const title = ctx.lang === 'en' && item.title.en ? item.title.en : item.title.vi;
    rows.push([
      `${indent}${item.code}`,
      `${indent}${title}`,
      s.state === 'notApplicable' ? '—' : formatPoints(ctx.lang, s.score),
      formatPoints(ctx.lang, s.effectiveMax),
      stateLabel(ctx, s.state) + (s.survey ? ` · ${msg(ctx, 'cli.survey_short')}` : ''),
    ]);
  }
  const lines = table(rows, { maxWidth: [14, 70, 8, 8, 30], alignRight: [2, 3] });
  const p = (n: number) => formatPoints(ctx.lang, n);
  lines.push(
    '',
    msg(ctx, 'cli.score.self', { score: p(report.self.score), max: p(report.self.max) }),
    msg(ctx, 'cli.score.survey', { score: p(report.survey.score), max: p(report.survey.max) }),
    msg(ctx, 'cli.score.adjustments', { bonus: p(report.bonus), penalty: p(report.penalty) }),
    msg(ctx, 'cli.score.total', { total: p(report.total), max: p(report.max), index: p(report.index) }),
    msg(ctx, 'cli.score.answered', { answered: report.answered, leaves: report.leafCount }),
  );
  return lines;
}

export function registerScore(ctx: CliContext, program: Command, runner: Runner): void {
  applyLocale(ctx, program.command('score'))
    .description(msg(ctx, 'cli.score.description'))
    .argument('<template>', msg(ctx, 'cli.arg.template_ref'))
    .argument('<assessment>', msg(ctx, 'cli.arg.assessment_file'))
    .option('--json', msg(ctx, 'cli.opt.json'))
    .action(
      runner.wrap(async (ref: string, file: string, opts: { json?: boolean }): Promise<ExitCode> => {
        const tpl = await resolveTemplate(ref);
        if (!tpl.ok) {
          printIssues(ctx, tpl.error);
          return tpl.error.some((i) => i.code.startsWith('cli.file')) ? EXIT.IO : EXIT.INVALID;
        }
        const raw = await readJsonFile(file);
        if (!raw.ok) {
          printIssues(ctx, raw.error);
          return raw.error.some((i) => i.code.startsWith('cli.file')) ? EXIT.IO : EXIT.INVALID;
        }
        const parsed = AssessmentDoc.parse(raw.value, basename(file));
        if (!parsed.ok) {
          printIssues(ctx, parsed.error);
          return EXIT.INVALID;
        }
        const a = parsed.value.value;
        if (a.template.id !== tpl.value.id) {
          printIssues(ctx, [issue('cli.score.template_mismatch', { file: basename(file), field: 'template.id' }, { expected: tpl.value.id, actual: a.template.id })]);
          return EXIT.INVALID;
        }
        const { report, issues } = scoreAssessment(compileTemplate(tpl.value), a);
        if (opts.json) {
          ctx.out(JSON.stringify({ agency: a.agency, report, issues: issues.map((i) => ({ ...i, message: formatIssue(ctx.lang, i) })) }, null, 2));
          return issues.length ? EXIT.INVALID : EXIT.OK;
        }
        ctx.out(msg(ctx, 'cli.score.header', { title: tpl.value.title.vi, id: `${tpl.value.id}@${tpl.value.version}`, agency: a.agency }));
        ctx.out('');
        for (const line of renderScoreTree(ctx, tpl.value, report)) ctx.out(line);
        if (issues.length) {
          ctx.out('');
          printIssues(ctx, issues);
          return EXIT.INVALID;
        }
        return EXIT.OK;
      }),
    );
}
