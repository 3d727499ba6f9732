import { type Command, InvalidArgumentError } from 'commander';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { issuesToShow } from '../../../shared/util/issue.ts';
import { formatDate, formatIssue } from '../../../shared/i18n/index.ts';
import { type AcceptedKey, exportSubmission, type ImportInput, importSubmissions, type ImportVerdict, verifySubmission } from '../../services/cycle/index.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { expandInputs } from '../inputs.ts';
import { type Runner, dateArg } from '../main.ts';
import { applyLocale } from '../program.ts';
import { withWorkspace } from '../workspace.ts';

/** What a submission file is called (a folder given to `import` or `verify` stands for all of them in it). */
const SUBMISSION_EXT = '.parscore';

function verdictLine(ctx: CliContext, v: ImportVerdict): string[] {
  const name = basename(v.file);
  switch (v.verdict) {
    case 'accepted':
    case 'replaced': {
      const head = msg(ctx, `cli.import.${v.verdict}`, { file: name, agency: v.agency, revision: v.revision, previous: v.previousRevision ?? 0 });
      const missing = v.additionalMissing.length > 0 ? ` — ${msg(ctx, 'cli.import.additional_missing', { templates: v.additionalMissing.join(', ') })}` : '';
      const key = v.keyChanged ? [`    ⚠ ${msg(ctx, 'cli.import.key_changed', v.keyChanged)}`] : [];
      return [`✔ ${head}${v.late ? ` — ${msg(ctx, 'cli.import.late')}` : ''}${missing}`, ...key];
    }
    case 'duplicate':
      return [`• ${msg(ctx, 'cli.import.duplicate', { file: name, agency: v.agency, revision: v.revision })}`];
    case 'rejected':
      return [
        `✖ ${msg(ctx, 'cli.import.rejected', { file: name })}`,
        ...issuesToShow(v.reasons).map((r) => `    ${formatIssue(ctx.lang, r)}`),
        // What to type once the new key is confirmed by phone (the decision stays the clerk's).
        ...v.reasons.filter((r) => r.code === 'cycle.key_mismatch').map((r) => `    → ${msg(ctx, 'cli.import.key_hint', { agency: String(r.params?.agency ?? v.agency ?? ''), fingerprint: String(r.params?.actual ?? '') })}`),
      ];
    case 'cancelled':
      return [`– ${msg(ctx, 'cli.import.cancelled', { file: name })}`];
  }
}

/** `--accept-key S01=<64 hex>`: the agency and the full fingerprint of the new key it confirmed. */
function acceptedKeyArg(ctx: CliContext, value: string): AcceptedKey {
  const m = /^([^=\s]+)=([0-9a-fA-F]{64})$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(msg(ctx, 'cli.import.accept_key_format', { value }));
  return { agency: m[1]!, fingerprint: m[2]!.toLowerCase() };
}

export function registerSubmission(ctx: CliContext, program: Command, runner: Runner): void {
  const group = applyLocale(ctx, program.command('submission')).description(msg(ctx, 'cli.submission.description'));

  applyLocale(ctx, group.command('export'))
    .description(msg(ctx, 'cli.submission.export.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .argument('<agency>', msg(ctx, 'cli.arg.agency_code'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_file'))
    .option('--signer-name <name>', msg(ctx, 'cli.opt.signer_name'))
    .option('--signer-position <position>', msg(ctx, 'cli.opt.signer_position'), msg(ctx, 'service.campaign.agency_head'))
    .action(
      runner.wrap((dir: string, agency: string, o: { out: string; signerName?: string; signerPosition: string }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          if (ws.index.self !== agency) {
            printIssues(ctx, [{ code: 'cli.submission.wrong_agency', at: { file: 'workspace.json' }, params: { expected: ws.index.self ?? '—', actual: agency } }]);
            return EXIT.INVALID;
          }
          const r = await exportSubmission(ws, { signer: { name: o.signerName ?? ws.index.identity?.name ?? ws.index.name, position: o.signerPosition } });
          await mkdir(dirname(o.out), { recursive: true });
          await writeFile(o.out, r.bytes);
          ctx.out(msg(ctx, 'cli.submission.exported', { file: o.out, revision: r.revision, round: r.round, sha: r.sha256.slice(0, 16) }));
          if (ws.index.identity) ctx.out(msg(ctx, 'cli.submission.own_key', { fingerprint: ws.index.identity.fingerprint }));
          return EXIT.OK;
        }),
      ),
    );

  applyLocale(ctx, group.command('verify'))
    .description(msg(ctx, 'cli.submission.verify.description'))
    .argument('<files...>', msg(ctx, 'cli.arg.submission_files'))
    .action(
      runner.wrap(async (paths: string[]): Promise<ExitCode> => {
        const files = expandInputs(paths, SUBMISSION_EXT);
        if (!files.ok) {
          printIssues(ctx, files.error);
          return EXIT.IO;
        }
        let code: ExitCode = EXIT.OK;
        for (const file of files.value) {
          // Several files: each one's verdict under its name.
          if (files.value.length > 1) ctx.out(`— ${basename(file)}`);
          const r = await verifySubmission(await readFile(file), basename(file));
          if (!r.ok) {
            printIssues(ctx, r.error);
            ctx.out(msg(ctx, 'cli.submission.verify_failed'));
            code = EXIT.INVALID;
            continue;
          }
          const s = r.value;
          ctx.out(msg(ctx, 'cli.submission.signer', { name: s.signer.name, position: s.signer.position, fingerprint: s.signer.key.fingerprint }));
          ctx.out(msg(ctx, 'cli.submission.what', { agency: s.agency, campaign: s.campaign, revision: s.revision, round: s.round, items: s.items, evidence: s.evidence.length, nominations: s.nominations }));
          for (const x of s.additional) ctx.out(msg(ctx, 'cli.submission.additional', { template: `${x.template.id}@${x.template.version}`, items: x.items }));
          ctx.out(msg(ctx, 'cli.submission.ok'));
        }
        return code;
      }),
    );

  applyLocale(ctx, program.command('import'))
    .description(msg(ctx, 'cli.import.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<files...>', msg(ctx, 'cli.arg.submission_files'))
    .option('--received-at <yyyy-mm-dd>', msg(ctx, 'cli.opt.received_at'), dateArg(ctx, { notFuture: true }))
    .option('--accept-key <code=fingerprint>', msg(ctx, 'cli.opt.accept_key'), (v: string, acc: AcceptedKey[]) => [...acc, acceptedKeyArg(ctx, v)], [] as AcceptedKey[])
    .action(
      runner.wrap((dir: string, paths: string[], o: { receivedAt?: string; acceptKey: AcceptedKey[] }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const files = expandInputs(paths, SUBMISSION_EXT);
          if (!files.ok) {
            printIssues(ctx, files.error);
            return EXIT.IO;
          }
          // Each file is read when its turn comes (by the thread that checks it): memory stays flat for any number of files.
          const inputs: ImportInput[] = files.value.map((f) => ({ file: f, path: f }));
          const controller = new AbortController();
          const onSigint = () => controller.abort();
          process.once('SIGINT', onSigint);
          try {
            const verdicts = await importSubmissions(ws, inputs, {
              ...(o.receivedAt ? { receivedAt: o.receivedAt } : {}),
              acceptKeys: o.acceptKey,
              signal: controller.signal,
              onProgress: (p) => ctx.err(msg(ctx, 'cli.import.progress', { done: p.done, total: p.total, file: basename(p.file) })),
            });
            for (const v of verdicts) for (const line of verdictLine(ctx, v)) ctx.out(line);
            if (o.receivedAt) {
              const deadline = ws.campaign()?.deadlines.selfAssessment;
              const date = formatDate(ctx.lang, o.receivedAt);
              ctx.out(deadline ? msg(ctx, 'cli.import.received_on', { date, deadline: formatDate(ctx.lang, deadline) }) : msg(ctx, 'cli.import.received_on_no_deadline', { date }));
            }
            const count = (k: ImportVerdict['verdict']) => verdicts.filter((v) => v.verdict === k).length;
            ctx.out(msg(ctx, 'cli.import.summary', { accepted: count('accepted'), replaced: count('replaced'), duplicate: count('duplicate'), rejected: count('rejected'), cancelled: count('cancelled') }));
            return count('rejected') > 0 ? EXIT.INVALID : EXIT.OK;
          } finally {
            process.off('SIGINT', onSigint);
          }
        }),
      ),
    );
}
