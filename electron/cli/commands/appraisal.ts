import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { formatDate, formatNumber, hasMessage } from '../../../shared/i18n/index.ts';
import { AgencyStatus, type AuditEntry, type Round } from '../../../shared/schema/index.ts';
import type { Result } from '../../../shared/util/issue.ts';
import {
  addEvidence,
  exportAppraisal,
  importAppraisal,
  markFalsifiedEvidence,
  readAudit,
  setAppraisalAdjustment,
  setAppraisalStatus,
  setAppraisedScore,
  setExplanation,
} from '../../services/cycle/index.ts';
import { ReviewService } from '../../services/review-service.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';
import { withWorkspace } from '../workspace.ts';

/** An audit log value as a clerk reads it: points "8,5", a status or yes/no in words, a date dd/mm/yyyy. */
function logValue(ctx: CliContext, field: AuditEntry['field'], v: AuditEntry['old']): string {
  if (v === null) return '—';
  if (typeof v === 'number') return formatNumber(ctx.lang, v);
  if (typeof v === 'boolean') return msg(ctx, v ? 'report.input.yes' : 'report.input.no');
  if (field === 'status' && hasMessage(`app.status.${v}`)) return msg(ctx, `app.status.${v}`);
  if (field === 'received') return formatDate(ctx.lang, v);
  if (field === 'award' && hasMessage(`awardsui.audit.${v}`)) return msg(ctx, `awardsui.audit.${v}`);
  return v;
}

/** "8,5" or "8.5" → 8.5; "-" → null (remove). */
function pointsArg(ctx: CliContext, v: string): number | null | 'bad' {
  if (v === '-') return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : 'bad';
}

function report<T>(ctx: CliContext, r: Result<T>, okLine: string): ExitCode {
  if (!r.ok) {
    printIssues(ctx, r.error);
    return EXIT.INVALID;
  }
  ctx.out(okLine);
  return EXIT.OK;
}

export function registerAppraisal(ctx: CliContext, program: Command, runner: Runner): void {
  const group = applyLocale(ctx, program.command('appraisal')).description(msg(ctx, 'cli.appraisal.description'));

  applyLocale(ctx, group.command('set'))
    .description(msg(ctx, 'cli.appraisal.set.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<agency>', msg(ctx, 'cli.arg.agency_code'))
    .argument('<item>', msg(ctx, 'cli.arg.item_code'))
    .argument('<score>', msg(ctx, 'cli.arg.points_or_dash'))
    .option('--comment <text>', msg(ctx, 'cli.opt.comment'))
    .option('--reason <text>', msg(ctx, 'cli.opt.reason'))
    .option('--round <n>', msg(ctx, 'cli.opt.round'), '1')
    .option('--template <id>', msg(ctx, 'cli.opt.item_template'))
    .action(
      runner.wrap((dir: string, agency: string, item: string, score: string, o: { comment?: string; reason?: string; round: string; template?: string }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const points = pointsArg(ctx, score);
          if (points === 'bad' || (o.round !== '1' && o.round !== '2')) {
            ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: points === 'bad' ? score : `--round ${o.round}` }));
            return EXIT.USAGE;
          }
          const r = await setAppraisedScore(ws, agency, item, points, {
            round: Number(o.round) as Round,
            ...(o.comment !== undefined ? { comment: o.comment } : {}),
            ...(o.reason ? { reason: o.reason } : {}),
            ...(o.template ? { template: o.template } : {}),
          });
          return report(ctx, r, msg(ctx, 'cli.appraisal.saved', { agency, item: o.template ? `${o.template}/${item}` : item }));
        }),
      ),
    );

  applyLocale(ctx, group.command('adjust'))
    .description(msg(ctx, 'cli.appraisal.adjust.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<agency>', msg(ctx, 'cli.arg.agency_code'))
    .argument('<kind>', msg(ctx, 'cli.arg.adjust_kind'))
    .argument('<code>', msg(ctx, 'cli.arg.item_code'))
    .argument('<points>', msg(ctx, 'cli.arg.points_or_dash'))
    .option('--note <text>', msg(ctx, 'cli.opt.comment'))
    .option('--reason <text>', msg(ctx, 'cli.opt.reason'))
    .action(
      runner.wrap((dir: string, agency: string, kind: string, code: string, pts: string, o: { note?: string; reason?: string }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const points = pointsArg(ctx, pts);
          if (points === 'bad' || (kind !== 'bonus' && kind !== 'penalty')) {
            ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: points === 'bad' ? pts : kind }));
            return EXIT.USAGE;
          }
          const r = await setAppraisalAdjustment(ws, agency, kind, code, points, { ...(o.note ? { note: o.note } : {}), ...(o.reason ? { reason: o.reason } : {}) });
          return report(ctx, r, msg(ctx, 'cli.appraisal.saved', { agency, item: code }));
        }),
      ),
    );

  applyLocale(ctx, group.command('status'))
    .description(msg(ctx, 'cli.appraisal.status.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<agency>', msg(ctx, 'cli.arg.agency_code'))
    .argument('<status>', AgencyStatus.options.join(' | '))
    .option('--reason <text>', msg(ctx, 'cli.opt.reason'))
    .action(
      runner.wrap((dir: string, agency: string, status: string, o: { reason?: string }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const s = AgencyStatus.safeParse(status);
          if (!s.success) {
            ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: status }));
            return EXIT.USAGE;
          }
          const r = await setAppraisalStatus(ws, agency, s.data, o.reason ? { reason: o.reason } : {});
          return report(ctx, r, msg(ctx, 'cli.appraisal.status_set', { agency, status: msg(ctx, `app.status.${s.data}`) }));
        }),
      ),
    );

  applyLocale(ctx, group.command('falsified'))
    .description(msg(ctx, 'cli.appraisal.falsified.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<agency>', msg(ctx, 'cli.arg.agency_code'))
    .requiredOption('--reason <text>', msg(ctx, 'cli.opt.reason'))
    .option('--clear', msg(ctx, 'cli.opt.clear'))
    .action(
      runner.wrap((dir: string, agency: string, o: { reason: string; clear?: boolean }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => report(ctx, await markFalsifiedEvidence(ws, agency, !o.clear, o.reason), msg(ctx, 'cli.appraisal.saved', { agency, item: '—' }))),
      ),
    );

  applyLocale(ctx, group.command('export'))
    .description(msg(ctx, 'cli.appraisal.export.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<agency>', msg(ctx, 'cli.arg.agency_code'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_file'))
    .action(
      runner.wrap((dir: string, agency: string, o: { out: string }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const bytes = await exportAppraisal(ws, agency);
          await mkdir(dirname(o.out), { recursive: true });
          await writeFile(o.out, bytes);
          ctx.out(msg(ctx, 'cli.written', { file: o.out }));
          return EXIT.OK;
        }),
      ),
    );

  // The window's "export round 1 of every agency" (review-service.ts): one signed file per agency appraised in round 1.
  applyLocale(ctx, group.command('export-all'))
    .description(msg(ctx, 'review.cli.export_all'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .requiredOption('--out <folder>', msg(ctx, 'review.cli.out_folder'))
    .option('--overwrite', msg(ctx, 'review.cli.overwrite'))
    .action(
      runner.wrap((dir: string, o: { out: string; overwrite?: boolean }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const r = await new ReviewService({ ws, lang: ctx.lang }).exportAll(o.out, { overwrite: o.overwrite === true });
          for (const w of r.written) ctx.out(msg(ctx, 'cli.written', { file: w.file }));
          for (const f of r.failed) ctx.err(`${f.agency}: ${f.reason}`);
          return r.failed.length > 0 ? EXIT.INVALID : EXIT.OK;
        }),
      ),
    );

  applyLocale(ctx, group.command('import'))
    .description(msg(ctx, 'cli.appraisal.import.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .argument('<file>', msg(ctx, 'cli.arg.appraisal_file'))
    .action(
      runner.wrap((dir: string, file: string) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          if (!existsSync(file)) {
            printIssues(ctx, [{ code: 'cli.file_not_found', at: { file: basename(file) } }]);
            return EXIT.IO;
          }
          const r = await importAppraisal(ws, await readFile(file), basename(file));
          if (!r.ok) return report(ctx, r, '');
          // Additional templates' items (ISO 9001 checklist) are shown as template/item, as `explain --template` takes them.
          const all = [
            ...Object.entries(r.value.items),
            ...Object.entries(r.value.additional).flatMap(([id, part]) => Object.entries(part.items).map(([code, v]) => [`${id}/${code}`, v] as const)),
          ];
          const commented = all.filter(([, v]) => v.comment);
          ctx.out(msg(ctx, 'cli.appraisal.imported', { round: r.value.round, items: all.length, comments: commented.length }));
          for (const [code, v] of commented) ctx.out(`  ${code}: ${v.comment}`);
          return EXIT.OK;
        }),
      ),
    );

  applyLocale(ctx, group.command('explain'))
    .description(msg(ctx, 'cli.appraisal.explain.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .argument('<item>', msg(ctx, 'cli.arg.item_code'))
    .requiredOption('--text <text>', msg(ctx, 'cli.opt.explanation'))
    .option('--evidence <file>', msg(ctx, 'cli.opt.evidence_file'), (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--doc-no <no>', msg(ctx, 'cli.opt.doc_no'))
    .option('--template <id>', msg(ctx, 'cli.opt.item_template'))
    .action(
      runner.wrap((dir: string, item: string, o: { text: string; evidence: string[]; docNo?: string; template?: string }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const evidence = [];
          for (const f of o.evidence) {
            if (!existsSync(f)) {
              printIssues(ctx, [{ code: 'cli.file_not_found', at: { file: basename(f) } }]);
              return EXIT.IO;
            }
            evidence.push(await addEvidence(ws, f, { docNo: o.docNo ?? basename(f), fileName: basename(f) }));
          }
          const r = await setExplanation(ws, item, { text: o.text, evidence }, o.template ? { template: o.template } : {});
          return report(ctx, r, msg(ctx, 'cli.appraisal.explained', { item: o.template ? `${o.template}/${item}` : item }));
        }),
      ),
    );

  applyLocale(ctx, group.command('log'))
    .description(msg(ctx, 'cli.appraisal.log.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .option('--agency <code>', msg(ctx, 'cli.arg.agency_code'))
    .option('--json', msg(ctx, 'cli.opt.json'))
    .action(
      runner.wrap((dir: string, o: { agency?: string; json?: boolean }) =>
        withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            const log = await readAudit(ws, o.agency ? { agency: o.agency } : {});
            if (o.json) ctx.out(JSON.stringify(log.entries.map((l) => l.entry), null, 2));
            else
              for (const { entry: e } of log.entries) {
                const change = `${logValue(ctx, e.field, e.old)} → ${logValue(ctx, e.field, e.new)}`;
                ctx.out(`${e.at}  ${e.who.name}  ${e.agency}  ${msg(ctx, `report.audit.field.${e.field}`)}${e.item ? ` ${e.template ? `${e.template}/` : ''}${e.item}` : ''}${e.subject ? ` ${e.subject}` : ''}  ${change}${e.round ? `  (${msg(ctx, 'cli.appraisal.round', { n: e.round })})` : ''}${e.reason ? `  — ${e.reason}` : ''}`);
              }
            if (log.issues.length) {
              printIssues(ctx, log.issues);
              return EXIT.INVALID;
            }
            return EXIT.OK;
          },
          { readOnly: true },
        ),
      ),
    );
}
