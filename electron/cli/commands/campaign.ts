import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { campaignRuleDefaults } from '../../../shared/campaign/defaults.ts';
import { formatDate, t } from '../../../shared/i18n/index.ts';
import { type AgencyGroup, type Campaign, type Template } from '../../../shared/schema/index.ts';
import { exportCampaignPackage, initAgencyWorkspace, setupHomeAffairs } from '../../services/cycle/index.ts';
import { WorkspaceStore } from '../../services/store/workspace.ts';
import { findBuiltin } from '../../services/templates/builtin.ts';
import { readAgencyListXlsx, writeAgencyListForm } from '../../services/xlsx-import/agencies.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { type Runner, positiveInt } from '../main.ts';
import { applyLocale } from '../program.ts';
import { withWorkspace } from '../workspace.ts';

const DEFAULT_TEMPLATES: Record<AgencyGroup, string> = { department: 'par-so', district: 'par-huyen', commune: 'par-xa' };

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
        const ids = { ...DEFAULT_TEMPLATES };
        for (const pair of o.template) {
          const [g, id] = pair.split('=');
          if ((g !== 'department' && g !== 'district' && g !== 'commune') || !id) {
            ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--template ${pair}` }));
            return EXIT.USAGE;
          }
          ids[g] = id;
        }
        const groups = new Set(agencies.value.map((a) => a.group));
        const templates: Template[] = [];
        const refs: Campaign['templates'] = {};
        for (const g of groups) {
          const t = findBuiltin(ids[g]);
          if (!t) {
            printIssues(ctx, [{ code: 'cli.template_unknown', params: { id: ids[g] } }]);
            return EXIT.INVALID;
          }
          templates.push(t);
          refs[g] = { id: t.id, version: t.version };
        }
        const province = o.province.trim();
        const campaign: Campaign = {
          kind: 'parscore.campaign',
          schemaVersion: 3,
    additionalTemplates: {}, exemptions: [], headlines: [],
          id: `cchc-${o.year}`,
          title: { vi: o.title ?? t('vi', 'service.campaign.title', { year: String(o.year), province }), en: t('en', 'service.campaign.title', { year: String(o.year), province }) },
          year: o.year,
          model: o.model,
          templates: refs,
          agencies: agencies.value,
          deadlines: o.deadline ? { selfAssessment: o.deadline } : {},
          ...campaignRuleDefaults(),
          issuer: { parentBody: t('vi', 'service.campaign.parent_body', { province: province.toLocaleUpperCase('vi') }), body: t('vi', 'service.campaign.body'), place: province, signerTitle: o.signerTitle, signerName: o.signerName || '…' },
        };
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
            for (const [g, ref] of Object.entries(c.templates)) ctx.out(msg(ctx, 'cli.campaign.line.template', { group: msg(ctx, `cli.group.${g}`), id: `${ref.id}@${ref.version}` }));
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
