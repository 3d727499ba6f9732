/**
 * `parscore award rules | set-rules | rules-form | preview`: the campaign's commendation rules as
 * configuration, entering at the same service the app uses (electron/services/awards-rules.ts).
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { describeRules } from '../../../shared/awards/describe.ts';
import { previewJson, previewLines } from '../../../shared/awards/preview.ts';
import { DEFAULT_BANDS, DEFAULT_COMMENDATION } from '../../../shared/campaign/defaults.ts';
import { formatIssue } from '../../../shared/i18n/index.ts';
import type { Campaign, CommendationRules } from '../../../shared/schema/index.ts';
import { campaignRules, overridesWithoutRule, previewRules, readRulesFile, setRules } from '../../services/awards-rules.ts';
import { writeRulesForm } from '../../services/xlsx-import/award-rules.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { loadHistory } from '../history.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';
import { withWorkspace } from '../workspace.ts';

/** A rules file given on the command line, checked against the campaign; an exit code when it cannot be used. */
async function rulesFrom(ctx: CliContext, file: string, campaign: Campaign): Promise<CommendationRules | ExitCode> {
  if (!existsSync(file)) {
    printIssues(ctx, [{ code: 'cli.file_not_found', at: { file: basename(file) } }]);
    return EXIT.IO;
  }
  const r = await readRulesFile(file, campaign);
  if (!r.ok) {
    printIssues(ctx, r.error);
    return EXIT.INVALID;
  }
  return r.value;
}

export function registerAwardRules(ctx: CliContext, award: Command, runner: Runner): void {
  applyLocale(ctx, award.command('rules'))
    .description(msg(ctx, 'cli.award.rules.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .option('--json', msg(ctx, 'cli.opt.json'))
    .action(
      runner.wrap((dir: string, o: { json?: boolean }) =>
        withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            const { campaign, rules } = campaignRules(ws);
            // The JSON is a rules file as set-rules reads it.
            if (o.json) ctx.out(JSON.stringify(rules, null, 2));
            else for (const line of describeRules(ctx.lang, rules, campaign.bands)) ctx.out(line);
            return EXIT.OK;
          },
          { readOnly: true },
        ),
      ),
    );

  applyLocale(ctx, award.command('set-rules'))
    .description(msg(ctx, 'cli.award.set_rules.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<file>', msg(ctx, 'cli.arg.rules_file'))
    .action(
      runner.wrap((dir: string, file: string) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const { campaign } = campaignRules(ws);
          const rules = await rulesFrom(ctx, file, campaign);
          if (typeof rules === 'number') return rules;
          await setRules(ws, rules);
          ctx.out(msg(ctx, 'cli.award.rules_saved', { collectives: rules.collectives.length, individuals: rules.individuals.length }));
          for (const o of await overridesWithoutRule(ws, rules)) ctx.err(msg(ctx, 'cli.award.rule_gone', { subject: o.subject, agency: o.agency, rule: o.rule }));
          return EXIT.OK;
        }),
      ),
    );

  applyLocale(ctx, award.command('rules-form'))
    .description(msg(ctx, 'cli.award.rules_form.description'))
    .argument('[workspace]', msg(ctx, 'cli.arg.workspace_optional'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_xlsx'))
    .action(
      runner.wrap(async (dir: string | undefined, o: { out: string }): Promise<ExitCode> => {
        const write = async (rules: CommendationRules, bands: Campaign['bands']): Promise<ExitCode> => {
          await mkdir(dirname(o.out), { recursive: true });
          await writeFile(o.out, await writeRulesForm(ctx.lang, rules, bands));
          ctx.out(msg(ctx, 'cli.written', { file: o.out }));
          return EXIT.OK;
        };
        if (dir === undefined) return write(DEFAULT_COMMENDATION, DEFAULT_BANDS);
        return withWorkspace(
          dir,
          async (ws) => {
            const { campaign, rules } = campaignRules(ws);
            return write(rules, campaign.bands);
          },
          { readOnly: true },
        );
      }),
    );

  applyLocale(ctx, award.command('preview'))
    .description(msg(ctx, 'cli.award.preview.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('[file]', msg(ctx, 'cli.arg.rules_file_optional'))
    .option('--history <file>', msg(ctx, 'cli.opt.history'), (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--json', msg(ctx, 'cli.opt.json'))
    .action(
      runner.wrap((dir: string, file: string | undefined, o: { history: string[]; json?: boolean }) =>
        withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            const { campaign } = campaignRules(ws);
            let rules: CommendationRules | undefined;
            if (file !== undefined) {
              const got = await rulesFrom(ctx, file, campaign);
              if (typeof got === 'number') return got;
              rules = got;
            }
            const history = await loadHistory(o.history);
            if (!history.ok) {
              printIssues(ctx, history.error);
              return history.error.some((i) => i.code === 'cli.file_not_found') ? EXIT.IO : EXIT.INVALID;
            }
            const r = await previewRules(ws, { ...(rules ? { rules } : {}), history: history.value });
            if (!r.ok) {
              printIssues(ctx, r.error);
              return EXIT.INVALID;
            }
            const source = file === undefined ? { kind: 'campaign' } : { kind: 'file', file: basename(file) };
            if (o.json) {
              const issues = r.value.issues.map((i) => ({ ...i, text: formatIssue(ctx.lang, i) }));
              ctx.out(JSON.stringify({ source, ...previewJson(ctx.lang, r.value.preview), issues }, null, 2));
              return EXIT.OK;
            }
            ctx.out(file === undefined ? msg(ctx, 'awards.preview.source_campaign') : msg(ctx, 'awards.preview.source_file', { file: basename(file) }));
            for (const line of previewLines(ctx.lang, r.value.preview)) ctx.out(line);
            for (const i of r.value.issues) ctx.err(`  ! ${formatIssue(ctx.lang, i)}`);
            return EXIT.OK;
          },
          { readOnly: true },
        ),
      ),
    );
}
