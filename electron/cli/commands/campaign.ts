import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatDate, t } from '../../../shared/i18n/index.ts';
import type { AgencyGroup } from '../../../shared/schema/index.ts';
import { buildCampaign, builtinNamed } from '../../services/campaign-setup/index.ts';
import { exportCampaignPackage, initAgencyWorkspace, setExemption, setIssuer, setupHomeAffairs } from '../../services/cycle/index.ts';
import { WorkspaceStore } from '../../services/store/workspace.ts';
import { readAgencyListXlsx, writeAgencyListForm } from '../../services/xlsx-import/agencies.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { type Runner, dateArg, positiveInt } from '../main.ts';
import { applyLocale } from '../program.ts';
import { withWorkspace } from '../workspace.ts';

async function writeOut(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, data);
}

interface CreateOptions {
  year: number;
  agencies: string;
  province: string;
  model: string;
  title?: string;
  signerName: string;
  signerTitle: string;
  template: string[];
  deadline?: string;
}

export function registerCampaign(ctx: CliContext, program: Command, runner: Runner): void {
  const group = applyLocale(ctx, program.command('campaign')).description(msg(ctx, 'cli.campaign.description'));

  applyLocale(ctx, group.command('create'))
    .description(msg(ctx, 'cli.campaign.create.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.new_workspace'))
    .requiredOption('--year <year>', msg(ctx, 'cli.opt.year'), positiveInt(ctx))
    .requiredOption('--agencies <file>', msg(ctx, 'cli.opt.agency_list'))
    .requiredOption('--province <name>', msg(ctx, 'cli.opt.province'))
    .option('--model <model>', msg(ctx, 'cli.opt.model'), 'two-tier')
    .option('--title <text>', msg(ctx, 'cli.opt.campaign_title'))
    .option('--signer-name <name>', msg(ctx, 'cli.opt.signer_name'), '')
    .option('--signer-title <title>', msg(ctx, 'cli.opt.signer_title'), t('vi', 'service.campaign.signer_title'))
    .option('--template <group=id>', msg(ctx, 'cli.opt.template_for_group'), (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--deadline <yyyy-mm-dd>', msg(ctx, 'cli.opt.deadline'))
    .action(
      runner.wrap(async (dir: string, o: CreateOptions): Promise<ExitCode> => {
        if (o.model !== 'three-tier' && o.model !== 'two-tier') {
          ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--model ${o.model}` }));
          return EXIT.USAGE;
        }
        if (!existsSync(o.agencies)) {
          printIssues(ctx, [{ code: 'cli.file_not_found', at: { file: basename(o.agencies) } }]);
          return EXIT.IO;
        }
        const agencies = await readAgencyListXlsx(await readFile(o.agencies), basename(o.agencies), { model: o.model });
        if (!agencies.ok) {
          printIssues(ctx, agencies.error);
          return EXIT.INVALID;
        }
        // --template group=id, repeatable: a group's first is its ranked template (the PAR index), the next ones are assessed beside it (the ISO 9001 checklist).
        const ids: Partial<Record<AgencyGroup, string>> = {};
        const extra: Partial<Record<AgencyGroup, string[]>> = {};
        for (const pair of o.template) {
          const [g, id] = pair.split('=');
          if ((g !== 'department' && g !== 'district' && g !== 'commune') || !id) {
            ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--template ${pair}` }));
            return EXIT.USAGE;
          }
          if (ids[g] === undefined) ids[g] = id;
          else (extra[g] ??= []).push(id);
        }
        const province = o.province.trim();
        const built = buildCampaign({
          year: o.year,
          province,
          model: o.model,
          ...(o.title !== undefined ? { title: o.title } : {}),
          signerName: o.signerName,
          signerTitle: o.signerTitle,
          ...(o.deadline ? { deadline: o.deadline } : {}),
          agencies: agencies.value,
          templates: ids,
          additional: extra,
          find: builtinNamed,
          fields: { deadline: '--deadline', title: '--title', province: '--province', signerTitle: '--signer-title', signerName: '--signer-name' },
        });
        if (!built.ok) {
          const twice = built.error.find((i) => i.code === 'campaignui.err.template_twice');
          if (twice) {
            const g = (twice.at?.field ?? '').replace('additional.', '');
            ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--template ${g}=${twice.params?.id ?? ''}` }));
            return EXIT.USAGE;
          }
          printIssues(ctx, built.error);
          return EXIT.INVALID;
        }
        const { campaign, templates } = built.value;
        const name = t('vi', 'service.campaign.workspace_name', { province });
        const ws = await WorkspaceStore.create(dir, {
          name,
          role: 'home-affairs',
          campaign,
          templates,
          agencies: agencies.value.map((a) => ({ ...a, status: 'not_submitted', hasAssessment: false })),
        });
        try {
          const key = await setupHomeAffairs(ws, { name });
          if (!key.ok) {
            printIssues(ctx, key.error);
            return EXIT.INVALID;
          }
          ctx.out(msg(ctx, 'cli.campaign.created', { dir, agencies: agencies.value.length, fingerprint: key.value.fingerprint.slice(0, 16) }));
        } finally {
          await ws.close();
        }
        return EXIT.OK;
      }),
    );

  applyLocale(ctx, group.command('show'))
    .description(msg(ctx, 'cli.campaign.show.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .option('--json', msg(ctx, 'cli.opt.json'))
    .action(
      runner.wrap((dir: string, o: { json?: boolean }) =>
        withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            const c = ws.campaign();
            if (!c) {
              printIssues(ctx, [{ code: 'service.no_campaign', at: { file: 'campaign.json' } }]);
              return EXIT.INVALID;
            }
            if (o.json) {
              ctx.out(JSON.stringify(c, null, 2));
              return EXIT.OK;
            }
            const count = (g: AgencyGroup) => c.agencies.filter((a) => a.group === g).length;
            ctx.out(ctx.lang === 'en' && c.title.en ? c.title.en : c.title.vi);
            ctx.out(msg(ctx, 'cli.campaign.line.agencies', { departments: count('department'), districts: count('district'), communes: count('commune'), model: msg(ctx, `cli.model.${c.model}`) }));
            for (const [g, ref] of Object.entries(c.templates)) {
              ctx.out(msg(ctx, 'cli.campaign.line.template', { group: msg(ctx, `cli.group.${g}`), id: `${ref.id}@${ref.version}` }));
              const extra = c.additionalTemplates[g as AgencyGroup] ?? [];
              if (extra.length > 0) ctx.out(msg(ctx, 'cli.campaign.line.additional', { group: msg(ctx, `cli.group.${g}`), ids: extra.map((r) => `${r.id}@${r.version}`).join(', ') }));
            }
            for (const e of c.exemptions) {
              const name = c.agencies.find((a) => a.code === e.agency)?.name ?? e.agency;
              ctx.out(msg(ctx, 'cli.campaign.line.exemption', { agency: `${e.agency} (${name})`, template: e.template, reason: e.reason ?? '—' }));
            }
            if (c.deadlines.selfAssessment) ctx.out(msg(ctx, 'cli.campaign.line.deadline', { date: formatDate(ctx.lang, c.deadlines.selfAssessment) }));
            ctx.out(msg(ctx, 'cli.campaign.line.bands', { bands: c.bands.map((b) => `${b.code} ≥ ${b.minIndex}`).join(', ') }));
            ctx.out(msg(ctx, 'cli.campaign.line.issuer', { body: `${c.issuer.parentBody} / ${c.issuer.body}`, signer: `${c.issuer.signerTitle} ${c.issuer.signerName}` }));
            ctx.out(c.homeAffairs ? msg(ctx, 'cli.campaign.line.key', { fingerprint: c.homeAffairs.fingerprint }) : msg(ctx, 'cli.campaign.line.no_key'));
            return EXIT.OK;
          },
          { readOnly: true },
        ),
      ),
    );

  applyLocale(ctx, group.command('exempt'))
    .description(msg(ctx, 'cli.campaign.exempt.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .requiredOption('--agency <code>', msg(ctx, 'cli.opt.agency_code'))
    .requiredOption('--template <id>', msg(ctx, 'cli.opt.additional_template'))
    .option('--reason <text>', msg(ctx, 'cli.opt.reason'))
    .option('--remove', msg(ctx, 'cli.opt.exempt_remove'))
    .action(
      runner.wrap((dir: string, o: { agency: string; template: string; reason?: string; remove?: boolean }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          const r = await setExemption(ws, { agency: o.agency, template: o.template, ...(o.reason ? { reason: o.reason } : {}), ...(o.remove ? { remove: true } : {}) });
          if (!r.ok) {
            printIssues(ctx, r.error);
            return EXIT.INVALID;
          }
          ctx.out(msg(ctx, o.remove ? 'cli.campaign.unexempted' : 'cli.campaign.exempted', { agency: o.agency, template: o.template }));
          return EXIT.OK;
        }),
      ),
    );

  applyLocale(ctx, group.command('issuer'))
    .description(msg(ctx, 'cli.campaign.issuer.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .option('--parent-body <text>', msg(ctx, 'cli.opt.issuer_parent_body'))
    .option('--body <text>', msg(ctx, 'cli.opt.issuer_body'))
    .option('--place <text>', msg(ctx, 'cli.opt.issuer_place'))
    .option('--signer-title <text>', msg(ctx, 'cli.opt.issuer_signer_title'))
    .option('--signer-name <text>', msg(ctx, 'cli.opt.issuer_signer_name'))
    .option('--report-number <number>', msg(ctx, 'cli.opt.issuer_report_number'))
    .option('--report-date <yyyy-mm-dd>', msg(ctx, 'cli.opt.issuer_report_date'), dateArg(ctx))
    .option('--clear-report-number', msg(ctx, 'cli.opt.issuer_clear_number'))
    .option('--clear-report-date', msg(ctx, 'cli.opt.issuer_clear_date'))
    .option('--recipient <text>', msg(ctx, 'campaignui.cli.opt_recipient'), (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--clear-recipients', msg(ctx, 'campaignui.cli.opt_clear_recipients'))
    .action(
      runner.wrap(
        (
          dir: string,
          o: { parentBody?: string; body?: string; place?: string; signerTitle?: string; signerName?: string; reportNumber?: string; reportDate?: string; clearReportNumber?: boolean; clearReportDate?: boolean; recipient: string[]; clearRecipients?: boolean },
        ) =>
          withWorkspace(dir, async (ws): Promise<ExitCode> => {
            const r = await setIssuer(ws, {
              ...(o.parentBody !== undefined ? { parentBody: o.parentBody } : {}),
              ...(o.body !== undefined ? { body: o.body } : {}),
              ...(o.place !== undefined ? { place: o.place } : {}),
              ...(o.signerTitle !== undefined ? { signerTitle: o.signerTitle } : {}),
              ...(o.signerName !== undefined ? { signerName: o.signerName } : {}),
              ...(o.clearReportNumber ? { reportNumber: null } : o.reportNumber !== undefined ? { reportNumber: o.reportNumber } : {}),
              ...(o.clearReportDate ? { reportDate: null } : o.reportDate !== undefined ? { reportDate: o.reportDate } : {}),
              // --recipient repeated: the reports' "Nơi nhận" in order; --clear-recipients: the usual ones again.
              ...(o.clearRecipients ? { recipients: null } : o.recipient.length > 0 ? { recipients: o.recipient } : {}),
            });
            if (!r.ok) {
              printIssues(ctx, r.error);
              return EXIT.INVALID;
            }
            const i = r.value.issuer;
            ctx.out(msg(ctx, 'cli.campaign.issuer.saved', { body: `${i.parentBody} – ${i.body}`, signer: `${i.signerTitle} ${i.signerName}`, number: i.reportNumber ?? '—', date: i.reportDate ? formatDate(ctx.lang, i.reportDate) : '—' }));
            return EXIT.OK;
          }),
      ),
    );

  applyLocale(ctx, group.command('export'))
    .description(msg(ctx, 'cli.campaign.export.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_file'))
    .action(
      runner.wrap((dir: string, o: { out: string }) =>
        withWorkspace(dir, async (ws): Promise<ExitCode> => {
          await writeOut(o.out, await exportCampaignPackage(ws));
          ctx.out(msg(ctx, 'cli.written', { file: o.out }));
          return EXIT.OK;
        }),
      ),
    );

  applyLocale(ctx, group.command('agencies-form'))
    .description(msg(ctx, 'cli.campaign.form.description'))
    .requiredOption('--out <file>', msg(ctx, 'cli.opt.out_xlsx'))
    .action(
      runner.wrap(async (o: { out: string }): Promise<ExitCode> => {
        await writeOut(o.out, await writeAgencyListForm(ctx.lang));
        ctx.out(msg(ctx, 'cli.written', { file: o.out }));
        return EXIT.OK;
      }),
    );

  const agency = applyLocale(ctx, program.command('agency')).description(msg(ctx, 'cli.agency.description'));
  applyLocale(ctx, agency.command('init'))
    .description(msg(ctx, 'cli.agency.init.description'))
    .argument('<dir>', msg(ctx, 'cli.arg.new_workspace'))
    .requiredOption('--campaign <file>', msg(ctx, 'cli.opt.campaign_file'))
    .requiredOption('--agency <code>', msg(ctx, 'cli.opt.agency_code'))
    .action(
      runner.wrap(async (dir: string, o: { campaign: string; agency: string }): Promise<ExitCode> => {
        if (!existsSync(o.campaign)) {
          printIssues(ctx, [{ code: 'cli.file_not_found', at: { file: basename(o.campaign) } }]);
          return EXIT.IO;
        }
        const r = await initAgencyWorkspace(dir, await readFile(o.campaign), basename(o.campaign), { agency: o.agency });
        if (!r.ok) {
          printIssues(ctx, r.error);
          return EXIT.INVALID;
        }
        const fp = r.value.index.identity?.fingerprint ?? '';
        await r.value.close();
        ctx.out(msg(ctx, 'cli.agency.created', { dir: join(dir), agency: o.agency, fingerprint: fp.slice(0, 16) }));
        return EXIT.OK;
      }),
    );
}
