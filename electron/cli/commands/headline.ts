import type { Command } from 'commander';
import { type AgencyGroup, AgencyGroup as Group } from '../../../shared/schema/common.ts';
import type { HeadlinePart } from '../../../shared/schema/campaign.ts';
import { addHeadline, removeHeadline } from '../../services/headlines.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';
import { withWorkspace } from '../workspace.ts';

interface HeadlineOptions {
  title?: string;
  titleEn?: string;
  unit?: string;
  part: string[];
  json?: boolean;
}

/** "department=KK05" → a part; null when it is not one. */
function partOf(text: string): HeadlinePart | null {
  const [g, indicator, ...rest] = text.split('=');
  const group = Group.safeParse(g?.trim());
  if (!group.success || !indicator?.trim() || rest.length > 0) return null;
  return { group: group.data, indicator: indicator.trim() };
}

/**
 * `parscore campaign headline DIR list|add|remove [CODE]`: the campaign's headline figures, each the
 * sum of some groups' figures (e.g. procedures at the three levels = departments' sum + the district
 * level's shared value + the commune level's shared value), printed at the top of the headline
 * figures report and in results.json `headlines`.
 */
export function registerHeadline(ctx: CliContext, program: Command, runner: Runner): void {
  const campaign = program.commands.find((c) => c.name() === 'campaign');
  if (!campaign) throw new Error('registerHeadline: the campaign command is registered first');
  applyLocale(ctx, campaign.command('headline'))
    .description(msg(ctx, 'cli.headline.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.workspace'))
    .argument('<action>', msg(ctx, 'cli.headline.arg.action'))
    .argument('[code]', msg(ctx, 'cli.headline.arg.code'))
    .option('--title <text>', msg(ctx, 'cli.headline.opt.title'))
    .option('--title-en <text>', msg(ctx, 'cli.headline.opt.title_en'))
    .option('--unit <unit>', msg(ctx, 'cli.headline.opt.unit'))
    .option('--part <group=figure>', msg(ctx, 'cli.headline.opt.part'), (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--json', msg(ctx, 'cli.opt.json'))
    .action(
      runner.wrap(async (dir: string, action: string, code: string | undefined, o: HeadlineOptions): Promise<ExitCode> => {
        if (action !== 'list' && action !== 'add' && action !== 'remove') {
          ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: action }));
          return EXIT.USAGE;
        }
        if (action !== 'list' && !code) {
          ctx.err(msg(ctx, 'cli.headline.code_required'));
          return EXIT.USAGE;
        }
        const parts: HeadlinePart[] = [];
        for (const p of o.part) {
          const part = partOf(p);
          if (!part) {
            ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--part ${p}` }));
            return EXIT.USAGE;
          }
          parts.push(part);
        }
        if (action === 'add' && (!o.title || parts.length === 0)) {
          ctx.err(msg(ctx, 'cli.headline.add_needs'));
          return EXIT.USAGE;
        }
        return withWorkspace(
          dir,
          async (ws): Promise<ExitCode> => {
            if (action === 'list') {
              const c = ws.campaign();
              if (!c) {
                printIssues(ctx, [{ code: 'service.no_campaign', at: { file: 'campaign.json' } }]);
                return EXIT.INVALID;
              }
              if (o.json) ctx.out(JSON.stringify(c.headlines, null, 2));
              else if (c.headlines.length === 0) ctx.out(msg(ctx, 'cli.headline.none'));
              else {
                for (const h of c.headlines) {
                  const group = (g: AgencyGroup) => msg(ctx, `cli.group.${g}`);
                  const title = ctx.lang === 'en' && h.title.en ? h.title.en : h.title.vi;
                  ctx.out(msg(ctx, 'cli.headline.line', { code: h.code, title, unit: h.unit ?? '—', parts: h.parts.map((p) => `${group(p.group)} ${p.indicator}`).join(' + ') }));
                }
              }
              return EXIT.OK;
            }
            const r =
              action === 'add'
                ? await addHeadline(ws, { code: code!, title: { vi: o.title!, ...(o.titleEn ? { en: o.titleEn } : {}) }, ...(o.unit ? { unit: o.unit } : {}), parts })
                : await removeHeadline(ws, code!);
            if (!r.ok) {
              printIssues(ctx, r.error);
              return EXIT.INVALID;
            }
            ctx.out(msg(ctx, action === 'add' ? 'cli.headline.added' : 'cli.headline.removed', { code: code!, count: r.value.headlines.length }));
            return EXIT.OK;
          },
          { readOnly: action === 'list' },
        );
      }),
    );
}
