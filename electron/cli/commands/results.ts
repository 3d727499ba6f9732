import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatPoints } from '../../../shared/i18n/index.ts';
import { AwardOverride } from '../../../shared/schema/index.ts';
import { addOverride, consolidate } from '../../services/consolidate.ts';
import { workspaceIdentity } from '../../services/cycle/index.ts';
import { importSurveyFile, surveyContext } from '../../services/survey/import.ts';
import { writeSurveyForm } from '../../services/xlsx-import/survey.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { printWarnings } from '../repairs.ts';
import { registerAwardRules } from './award-rules.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';
import { loadHistory } from '../history.ts';
import { withWorkspace } from '../workspace.ts';

async function writeOut(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, data);
}

export function registerResults(ctx: CliContext, program: Command, runner: Runner): void {
  const survey = applyLocale(ctx, program.command('survey')).description(msg(ctx, 'cli.survey.description'));
  applyLocale(ctx, survey.command('import'))
    .description(msg(ctx, 'cli.survey.import.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<file>', msg(ctx, 'cli.arg.xlsx_file'))
    .action(
      runner.wrap((dir: string, file: string) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          if (!existsSync(file)) {
            printIssues(ctx, [{ code: 'cli.file_not_found', at: { file: basename(file) } }]);
            return EXIT.IO;
          }
          const r = await importSurveyFile(ws, file);
          if (!r.ok) {
            printIssues(ctx, r.error);
            return EXIT.INVALID;
          }
          ctx.out(msg(ctx, `cli.survey.imported_${r.value.mode}`, { agencies: r.value.agencies, values: r.value.values, rows: r.value.rows }));
          return EXIT.OK;
        }),
      ),
    );
  applyLocale(ctx, survey.command('form'))
    .description(msg(ctx, 'cli.survey.form.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_xlsx'))
    .option('--mode <mode>', msg(ctx, 'cli.opt.survey_mode'), 'answers')
    .action(
      runner.wrap((dir: string, o: { out: string; mode: string }) =>
        withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            if (o.mode !== 'scores' && o.mode !== 'answers') {
              ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--mode ${o.mode}` }));
              return EXIT.USAGE;
            }
            const c = surveyContext(ws);
            if (!c.ok) {
              printIssues(ctx, c.error);
              return EXIT.INVALID;
            }
            await writeOut(o.out, await writeSurveyForm(o.mode, c.value, ctx.lang));
            ctx.out(msg(ctx, 'cli.written', { file: o.out }));
            return EXIT.OK;
          },
          { readOnly: true },
        ),
      ),
    );

  applyLocale(ctx, program.command('consolidate'))
    .description(msg(ctx, 'cli.consolidate.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .requiredOption('--out <dir>', msg(ctx, 'cli.opt.out_dir'))
    .option('--history <file>', msg(ctx, 'cli.opt.history'), (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--allow-missing', msg(ctx, 'wsafe.opt.allow_missing'))
    .action(
      runner.wrap((dir: string, o: { out: string; history: string[]; allowMissing?: boolean }) =>
        withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            const loaded = await loadHistory(o.history);
            if (!loaded.ok) {
              printIssues(ctx, loaded.error);
              return loaded.error.some((i) => i.code === 'cli.file_not_found') ? EXIT.IO : EXIT.INVALID;
            }
            const history = loaded.value;
            const r = await consolidate(ws, { history, allowMissing: !!o.allowMissing });
            if (!r.ok) {
              printIssues(ctx, r.error);
              return EXIT.INVALID;
            }
            printWarnings(ctx, r.value.issues);
            const file = join(o.out, 'results.json');
            await writeOut(file, `${JSON.stringify(r.value, null, 2)}\n`);
            const ranked = r.value.agencies.filter((a) => a.rank !== null).length;
            ctx.out(msg(ctx, 'cli.consolidate.done', { file, agencies: r.value.agencies.length, ranked, collectives: r.value.commendation.collectives.length, individuals: r.value.commendation.individuals.length }));
            for (const g of r.value.groups) {
              const top = r.value.agencies.filter((a) => a.agency.group === g.group && a.rank === 1).map((a) => `${a.agency.name} (${formatPoints(ctx.lang, a.index)}%)`);
              if (top.length) ctx.out(msg(ctx, 'cli.consolidate.top', { group: msg(ctx, `cli.group.${g.group}`), top: top.join(', ') }));
            }
            return EXIT.OK;
          },
          { readOnly: true },
        ),
      ),
    );

  const award = applyLocale(ctx, program.command('award')).description(msg(ctx, 'cli.award.description'));
  applyLocale(ctx, award.command('override'))
    .description(msg(ctx, 'cli.award.override.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .requiredOption('--rule <id>', msg(ctx, 'cli.opt.rule'))
    .requiredOption('--agency <code>', msg(ctx, 'cli.arg.agency_code'))
    .option('--subject <id>', msg(ctx, 'cli.opt.subject'))
    .option('--include', msg(ctx, 'cli.opt.include'))
    .option('--exclude', msg(ctx, 'cli.opt.exclude'))
    .requiredOption('--reason <text>', msg(ctx, 'cli.opt.reason'))
    .action(
      runner.wrap((dir: string, o: { rule: string; agency: string; subject?: string; include?: boolean; exclude?: boolean; reason: string }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          if (!!o.include === !!o.exclude) {
            ctx.err(msg(ctx, 'cli.award.include_or_exclude'));
            return EXIT.USAGE;
          }
          const who = workspaceIdentity(ws);
          const parsed = AwardOverride.safeParse({
            rule: o.rule,
            agency: o.agency,
            subject: o.subject ?? o.agency,
            action: o.include ? 'include' : 'exclude',
            reason: o.reason,
            by: who?.name ?? ws.index.name,
            at: new Date().toISOString(),
          });
          if (!parsed.success) {
            printIssues(ctx, [{ code: 'cli.award.reason_required', at: { field: 'reason' } }]);
            return EXIT.INVALID;
          }
          await addOverride(ws, parsed.data);
          ctx.out(msg(ctx, 'cli.award.saved', { rule: o.rule, subject: parsed.data.subject }));
          return EXIT.OK;
        }),
      ),
    );
  registerAwardRules(ctx, award, runner);
}
