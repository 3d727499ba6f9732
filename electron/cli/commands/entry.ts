/**
 * The agency's self-assessment from the command line: `item`, `bonus`, `penalty`, `evidence`,
 * `figure`, `nomination` — each entering at the entry services the window calls.
 */
import type { Command } from 'commander';
import { formatDate, formatPoints } from '../../../shared/i18n/index.ts';
import { parseItemInputText } from '../../../shared/entry/input-text.ts';
import { parseNumberText } from '../../../shared/indicators/validate.ts';
import type { IndicatorValue, ItemEntry, Nomination } from '../../../shared/schema/index.ts';
import type { ItemScore } from '../../../shared/scoring/index.ts';
import { IssueError } from '../../../shared/util/issue.ts';
import {
  addItemEvidence,
  addNomination,
  editItemEvidence,
  editNomination,
  itemScores,
  listFigures,
  listNominations,
  removeItemEvidence,
  removeNomination,
  resolve,
  setFigure,
  setItem,
  setItemExplanation,
  setSelfAdjustment,
} from '../../services/entry/index.ts';
import type { WorkspaceStore } from '../../services/store/workspace.ts';
import { type CliContext, msg, printIssues } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Runner } from '../main.ts';
import { applyLocale } from '../program.ts';
import { withWorkspace } from '../workspace.ts';

/** Runs one entry on the workspace: a refused entry prints its issues (exit 1; an unreadable file exit 3). */
function entryAction(ctx: CliContext, dir: string, fn: (ws: WorkspaceStore) => Promise<void>, opts: { readOnly?: boolean } = {}): Promise<ExitCode> {
  return withWorkspace(dir, async (ws) => {
    try {
      await fn(ws);
      return EXIT.OK;
    } catch (e) {
      if (!(e instanceof IssueError)) throw e;
      printIssues(ctx, e.issues);
      return e.issues.some((i) => i.code === 'entry.evidence_unreadable' || i.code.startsWith('store.')) ? EXIT.IO : EXIT.INVALID;
    }
  }, opts);
}

const score = (ctx: CliContext, s: ItemScore) => `${formatPoints(ctx.lang, s.score)}/${formatPoints(ctx.lang, s.effectiveMax)}`;

function inputText(ctx: CliContext, e: ItemEntry | undefined): string {
  const i = e?.input;
  if (!i) return '—';
  switch (i.kind) {
    case 'binary':
      return msg(ctx, i.value === 'yes' ? 'cli.entry.yes' : 'cli.entry.no');
    case 'notApplicable':
      return msg(ctx, 'cli.entry.na');
    case 'percent':
      return `${msg(ctx, 'cli.entry.n', { v: i.value })}%`;
    case 'ratio':
      return `${msg(ctx, 'cli.entry.n', { v: i.numerator })}/${msg(ctx, 'cli.entry.n', { v: i.denominator })}`;
    case 'count':
    case 'manual':
      return msg(ctx, 'cli.entry.n', { v: i.value });
    case 'variables':
      return Object.entries(i.values)
        .map(([k, v]) => `${k}=${msg(ctx, 'cli.entry.n', { v })}`)
        .join(' ');
  }
}

function figureText(ctx: CliContext, v: IndicatorValue): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return msg(ctx, v ? 'cli.entry.yes' : 'cli.entry.no');
  if (typeof v === 'number') return msg(ctx, 'cli.entry.n', { v });
  return v;
}

/** "8,5" / "8.5" → 8.5, or 'bad'. */
function pointsOf(v: string): number | 'bad' {
  const n = parseNumberText(v);
  return n === null ? 'bad' : n;
}

const GENDER: Record<string, 'male' | 'female'> = { nam: 'male', male: 'male', m: 'male', nữ: 'female', nu: 'female', female: 'female', f: 'female' };
const RATING: Record<string, string> = { htxsnv: 'excellent', httnv: 'good', htnv: 'complete', khtnv: 'incomplete', excellent: 'excellent', good: 'good', complete: 'complete', incomplete: 'incomplete' };

interface NominationOpts {
  collective?: boolean;
  individual?: boolean;
  id?: string;
  name?: string;
  fullName?: string;
  gender?: string;
  birthYear?: string;
  position?: string;
  unit?: string;
  rating?: string;
  ratingLastYear?: string;
  achievements?: string;
  discipline?: string;
  initiatives?: string;
  award?: string;
  note?: string;
}

/** Columns given on the command line, in the schema's words; unknown words are passed on for the schema to refuse by column. */
function nominationFields(o: NominationOpts): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined) f[k] = v;
  };
  put('id', o.id);
  put('name', o.name);
  put('fullName', o.fullName);
  put('gender', o.gender === undefined ? undefined : (GENDER[o.gender.trim().toLocaleLowerCase('vi')] ?? o.gender));
  put('birthYear', o.birthYear === undefined ? undefined : (parseNumberText(o.birthYear) ?? o.birthYear));
  put('position', o.position);
  put('unit', o.unit);
  put('ratingThisYear', o.rating === undefined ? undefined : (RATING[o.rating.trim().toLowerCase()] ?? o.rating));
  put('ratingLastYear', o.ratingLastYear === undefined ? undefined : o.ratingLastYear.trim() === '-' ? null : (RATING[o.ratingLastYear.trim().toLowerCase()] ?? o.ratingLastYear));
  put('achievements', o.achievements);
  put('discipline', o.discipline === undefined ? undefined : o.discipline.trim() === '-' ? null : o.discipline);
  put('initiatives', o.initiatives === undefined ? undefined : (parseNumberText(o.initiatives) ?? o.initiatives));
  put('proposedAward', o.award);
  put('note', o.note);
  return f;
}

function nominationLine(ctx: CliContext, n: Nomination): string {
  if (n.kind === 'collective') return `${n.id} · ${msg(ctx, 'cli.entry.collective')} · ${n.name} · ${n.proposedAward}`;
  return `${n.id} · ${msg(ctx, 'cli.entry.individual')} · ${n.fullName} (${n.birthYear}) · ${n.position}, ${n.unit} · ${n.proposedAward}`;
}

function nominationOptions(ctx: CliContext, cmd: Command): Command {
  return cmd
    .option('--id <mã>', msg(ctx, 'cli.entry.opt.nom_id'))
    .option('--name <tên>', msg(ctx, 'cli.entry.opt.nom_name'))
    .option('--full-name <họ tên>', msg(ctx, 'cli.entry.opt.nom_full_name'))
    .option('--gender <nam|nữ>', msg(ctx, 'cli.entry.opt.nom_gender'))
    .option('--birth-year <năm>', msg(ctx, 'cli.entry.opt.nom_birth_year'))
    .option('--position <chức vụ>', msg(ctx, 'cli.entry.opt.nom_position'))
    .option('--unit <đơn vị>', msg(ctx, 'cli.entry.opt.nom_unit'))
    .option('--rating <xếp loại>', msg(ctx, 'cli.entry.opt.nom_rating'))
    .option('--rating-last-year <xếp loại>', msg(ctx, 'cli.entry.opt.nom_rating_last_year'))
    .option('--achievements <text>', msg(ctx, 'cli.entry.opt.nom_achievements'))
    .option('--discipline <text>', msg(ctx, 'cli.entry.opt.nom_discipline'))
    .option('--initiatives <n>', msg(ctx, 'cli.entry.opt.nom_initiatives'))
    .option('--award <mã>', msg(ctx, 'cli.entry.opt.nom_award'))
    .option('--note <text>', msg(ctx, 'cli.entry.opt.note'));
}

export function registerEntry(ctx: CliContext, program: Command, runner: Runner): void {
  const tplOpt = (c: Command) => c.option('--template <mã>', msg(ctx, 'cli.entry.opt.template'));
  const target = (item: string, o: { template?: string }) => ({ item, ...(o.template !== undefined ? { template: o.template } : {}) });

  // ── item ───────────────────────────────────────────────────────────────────────────────────────
  const item = applyLocale(ctx, program.command('item')).description(msg(ctx, 'cli.entry.item.description'));
  tplOpt(
    applyLocale(ctx, item.command('set'))
      .description(msg(ctx, 'cli.entry.item.set.description'))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .argument('<item>', msg(ctx, 'cli.entry.arg.item'))
      .argument('<value>', msg(ctx, 'cli.entry.arg.value')),
  ).action(
    runner.wrap((dir: string, code: string, value: string, o: { template?: string }) =>
      entryAction(ctx, dir, async (ws) => {
        const r = resolve(ws, o.template !== undefined ? { template: o.template } : {});
        const def = r.ct.byCode.get(code);
        let input = null;
        if (def) {
          const p = parseItemInputText(r.template.id, def, value);
          if (!p.ok) throw new IssueError(p.error.map((i) => ({ ...i, at: { ...i.at, agency: r.agency.code } })));
          input = p.value;
        }
        // An unknown code is refused by the service, with the same message as everywhere.
        const res = await setItem(ws, target(code, o), input ?? { kind: 'notApplicable' });
        ctx.out(msg(ctx, res.changed ? 'cli.entry.item.saved' : 'cli.entry.unchanged', { item: code, score: score(ctx, res.item), total: formatPoints(ctx.lang, res.report.total), max: formatPoints(ctx.lang, res.report.max) }));
      }),
    ),
  );
  tplOpt(
    applyLocale(ctx, item.command('clear'))
      .description(msg(ctx, 'cli.entry.item.clear.description'))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .argument('<item>', msg(ctx, 'cli.entry.arg.item')),
  ).action(
    runner.wrap((dir: string, code: string, o: { template?: string }) =>
      entryAction(ctx, dir, async (ws) => {
        const res = await setItem(ws, target(code, o), null);
        ctx.out(msg(ctx, res.changed ? 'cli.entry.item.cleared' : 'cli.entry.unchanged', { item: code, total: formatPoints(ctx.lang, res.report.total), max: formatPoints(ctx.lang, res.report.max) }));
      }),
    ),
  );
  tplOpt(
    applyLocale(ctx, item.command('show'))
      .description(msg(ctx, 'cli.entry.item.show.description'))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .argument('[item]', msg(ctx, 'cli.entry.arg.item_optional')),
  ).action(
    runner.wrap((dir: string, code: string | undefined, o: { template?: string }) =>
      entryAction(ctx, dir, async (ws) => {
        const { resolved, report, items } = await itemScores(ws, o.template !== undefined ? { template: o.template } : {});
        if (code !== undefined && !resolved.ct.byCode.has(code)) {
          throw new IssueError([{ code: 'entry.unknown_item', at: { template: resolved.template.id, item: code, field: 'code' }, params: { item: code, template: resolved.template.id } }]);
        }
        const title = (t: { vi: string; en?: string | undefined }) => (ctx.lang === 'en' && t.en ? t.en : t.vi);
        for (const node of resolved.ct.nodes) {
          if (code !== undefined && node.code !== code && !node.ancestors.some((a) => resolved.ct.nodes[a]!.code === code)) continue;
          const s = report.items[node.code]!;
          const e = Object.hasOwn(items, node.code) ? items[node.code] : undefined;
          const pad = '  '.repeat(node.depth);
          const input = node.leaf ? (node.item.survey || node.item.rule?.type === 'SURVEY' ? ` [${msg(ctx, 'cli.entry.survey')}]` : ` [${inputText(ctx, e)}]`) : '';
          ctx.out(`${pad}${node.code} ${title(node.item.title)} — ${score(ctx, s)}${input}`);
          for (const [i, ev] of (e?.evidence ?? []).entries()) {
            ctx.out(`${pad}    ${msg(ctx, 'cli.entry.evidence_line', { n: i + 1, docNo: ev.docNo, date: ev.date ? formatDate(ctx.lang, ev.date) : '—', issuer: ev.issuer ?? '—', title: ev.title ?? '—', file: ev.fileName ?? '—' })}`);
          }
          if (e?.explanation) ctx.out(`${pad}    ${msg(ctx, 'cli.entry.explanation_line', { text: e.explanation })}`);
        }
        if (code === undefined) {
          ctx.out(msg(ctx, 'cli.entry.totals', { base: formatPoints(ctx.lang, report.base), bonus: formatPoints(ctx.lang, report.bonus), penalty: formatPoints(ctx.lang, report.penalty), total: formatPoints(ctx.lang, report.total), max: formatPoints(ctx.lang, report.max), answered: report.answered, leaves: report.leafCount }));
        }
              // Only reads: works while the window has the workspace open.
      }, { readOnly: true }),
    ),
  );
  tplOpt(
    applyLocale(ctx, item.command('explain'))
      .description(msg(ctx, 'cli.entry.item.explain.description'))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .argument('<item>', msg(ctx, 'cli.entry.arg.item'))
      .option('--text <text>', msg(ctx, 'cli.opt.explanation'))
      .option('--clear', msg(ctx, 'cli.entry.opt.clear_explanation')),
  ).action(
    runner.wrap(async (dir: string, code: string, o: { template?: string; text?: string; clear?: boolean }) => {
      if ((o.text === undefined) === !o.clear) {
        ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: '--text | --clear' }));
        return EXIT.USAGE;
      }
      return entryAction(ctx, dir, async (ws) => {
        const r = await setItemExplanation(ws, target(code, o), o.clear ? null : o.text!);
        ctx.out(msg(ctx, r.changed ? 'cli.entry.saved' : 'cli.entry.unchanged', { item: code }));
      });
    }),
  );

  // ── bonus / penalty ────────────────────────────────────────────────────────────────────────────
  for (const block of ['bonus', 'penalty'] as const) {
    const g = applyLocale(ctx, program.command(block)).description(msg(ctx, `cli.entry.${block}.description`));
    applyLocale(ctx, g.command('set'))
      .description(msg(ctx, `cli.entry.${block}.set.description`))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .argument('<code>', msg(ctx, 'cli.entry.arg.adjustment_code'))
      .argument('<points>', msg(ctx, 'cli.entry.arg.points'))
      .option('--note <text>', msg(ctx, 'cli.entry.opt.note'))
      .action(
        runner.wrap(async (dir: string, code: string, pts: string, o: { note?: string }) => {
          const points = pointsOf(pts);
          if (points === 'bad') {
            ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: pts }));
            return EXIT.USAGE;
          }
          return entryAction(ctx, dir, async (ws) => {
            const r = await setSelfAdjustment(ws, block, code, points, o.note !== undefined ? { note: o.note } : {});
            ctx.out(msg(ctx, r.changed ? 'cli.entry.saved' : 'cli.entry.unchanged', { item: code }) + ' ' + msg(ctx, 'cli.entry.total', { total: formatPoints(ctx.lang, r.report.total), max: formatPoints(ctx.lang, r.report.max) }));
          });
        }),
      );
    applyLocale(ctx, g.command('clear'))
      .description(msg(ctx, `cli.entry.${block}.clear.description`))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .argument('<code>', msg(ctx, 'cli.entry.arg.adjustment_code'))
      .action(
        runner.wrap((dir: string, code: string) =>
          entryAction(ctx, dir, async (ws) => {
            const r = await setSelfAdjustment(ws, block, code, null);
            ctx.out(msg(ctx, r.changed ? 'cli.entry.saved' : 'cli.entry.unchanged', { item: code }));
          }),
        ),
      );
  }

  // ── evidence ───────────────────────────────────────────────────────────────────────────────────
  const ev = applyLocale(ctx, program.command('evidence')).description(msg(ctx, 'cli.entry.evidence.description'));
  const details = (c: Command) =>
    c
      .option('--date <dd/mm/yyyy>', msg(ctx, 'cli.entry.opt.date'))
      .option('--issuer <cơ quan>', msg(ctx, 'cli.entry.opt.issuer'))
      .option('--title <trích yếu>', msg(ctx, 'cli.entry.opt.title'));
  type Details = { docNo?: string; date?: string; issuer?: string; title?: string; template?: string };
  const pickDetails = (o: Details) => Object.fromEntries((['docNo', 'date', 'issuer', 'title'] as const).filter((k) => o[k] !== undefined).map((k) => [k, o[k]!]));
  const which = (w: string): number | string => (/^\d+$/.test(w) ? Number(w) : w);
  tplOpt(
    details(
      applyLocale(ctx, ev.command('add'))
        .description(msg(ctx, 'cli.entry.evidence.add.description'))
        .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
        .argument('<item>', msg(ctx, 'cli.entry.arg.item'))
        .argument('<file>', msg(ctx, 'cli.entry.arg.evidence_file'))
        .requiredOption('--doc-no <số>', msg(ctx, 'cli.entry.opt.doc_no')),
    ),
  ).action(
    runner.wrap((dir: string, code: string, file: string, o: Details) =>
      entryAction(ctx, dir, async (ws) => {
        const r = await addItemEvidence(ws, target(code, o), file, pickDetails(o));
        ctx.out(msg(ctx, 'cli.entry.evidence.added', { item: code, n: r.index, docNo: r.ref.docNo, sha: (r.ref.sha256 ?? '').slice(0, 12) }));
      }),
    ),
  );
  tplOpt(
    details(
      applyLocale(ctx, ev.command('edit'))
        .description(msg(ctx, 'cli.entry.evidence.edit.description'))
        .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
        .argument('<item>', msg(ctx, 'cli.entry.arg.item'))
        .argument('<which>', msg(ctx, 'cli.entry.arg.which'))
        .option('--doc-no <số>', msg(ctx, 'cli.entry.opt.doc_no')),
    ),
  ).action(
    runner.wrap((dir: string, code: string, w: string, o: Details) =>
      entryAction(ctx, dir, async (ws) => {
        const r = await editItemEvidence(ws, target(code, o), which(w), pickDetails(o));
        ctx.out(msg(ctx, r.changed ? 'cli.entry.saved' : 'cli.entry.unchanged', { item: code }));
      }),
    ),
  );
  tplOpt(
    applyLocale(ctx, ev.command('remove'))
      .description(msg(ctx, 'cli.entry.evidence.remove.description'))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .argument('<item>', msg(ctx, 'cli.entry.arg.item'))
      .argument('<which>', msg(ctx, 'cli.entry.arg.which')),
  ).action(
    runner.wrap((dir: string, code: string, w: string, o: { template?: string }) =>
      entryAction(ctx, dir, async (ws) => {
        const r = await removeItemEvidence(ws, target(code, o), which(w));
        ctx.out(msg(ctx, 'cli.entry.evidence.removed', { item: code, docNo: r.removed.docNo }));
      }),
    ),
  );

  // ── figure ─────────────────────────────────────────────────────────────────────────────────────
  const fig = applyLocale(ctx, program.command('figure')).description(msg(ctx, 'cli.entry.figure.description'));
  applyLocale(ctx, fig.command('set'))
    .description(msg(ctx, 'cli.entry.figure.set.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .argument('<code>', msg(ctx, 'cli.entry.arg.figure_code'))
    .argument('<value>', msg(ctx, 'cli.entry.arg.figure_value'))
    .action(
      runner.wrap((dir: string, code: string, value: string) =>
        entryAction(ctx, dir, async (ws) => {
          const r = await setFigure(ws, code, { text: value });
          ctx.out(msg(ctx, r.changed ? 'cli.entry.figure.saved' : 'cli.entry.unchanged', { item: code, value: figureText(ctx, r.value) }));
        }),
      ),
    );
  applyLocale(ctx, fig.command('clear'))
    .description(msg(ctx, 'cli.entry.figure.clear.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .argument('<code>', msg(ctx, 'cli.entry.arg.figure_code'))
    .action(
      runner.wrap((dir: string, code: string) =>
        entryAction(ctx, dir, async (ws) => {
          const r = await setFigure(ws, code, null);
          ctx.out(msg(ctx, r.changed ? 'cli.entry.saved' : 'cli.entry.unchanged', { item: code }));
        }),
      ),
    );
  applyLocale(ctx, fig.command('list'))
    .description(msg(ctx, 'cli.entry.figure.list.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .action(
      runner.wrap((dir: string) =>
        entryAction(ctx, dir, async (ws) => {
          for (const { def, value } of await listFigures(ws)) {
            const title = ctx.lang === 'en' && def.title.en ? def.title.en : def.title.vi;
            ctx.out(`${def.code} ${title}${def.unit ? ` (${def.unit})` : ''} [${msg(ctx, `cli.entry.figure_type.${def.type}`)}]: ${figureText(ctx, value)}`);
          }
        }),
      ),
    );

  // ── nomination ─────────────────────────────────────────────────────────────────────────────────
  const nom = applyLocale(ctx, program.command('nomination')).description(msg(ctx, 'cli.entry.nomination.description'));
  nominationOptions(
    ctx,
    applyLocale(ctx, nom.command('add'))
      .description(msg(ctx, 'cli.entry.nomination.add.description'))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .option('--collective', msg(ctx, 'cli.entry.opt.collective'))
      .option('--individual', msg(ctx, 'cli.entry.opt.individual')),
  ).action(
    runner.wrap(async (dir: string, o: NominationOpts) => {
      if (!!o.collective === !!o.individual) {
        ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: '--collective | --individual' }));
        return EXIT.USAGE;
      }
      return entryAction(ctx, dir, async (ws) => {
        const fields = nominationFields(o);
        const raw = o.collective ? { kind: 'collective', ...fields } : { kind: 'individual', ratingLastYear: null, discipline: null, ...fields };
        const n = await addNomination(ws, raw);
        ctx.out(msg(ctx, 'cli.entry.nomination.added', { line: nominationLine(ctx, n) }));
      });
    }),
  );
  nominationOptions(
    ctx,
    applyLocale(ctx, nom.command('edit'))
      .description(msg(ctx, 'cli.entry.nomination.edit.description'))
      .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
      .argument('<id>', msg(ctx, 'cli.entry.opt.nom_id')),
  ).action(
    runner.wrap((dir: string, id: string, o: NominationOpts) =>
      entryAction(ctx, dir, async (ws) => {
        const r = await editNomination(ws, id, nominationFields({ ...o, id: undefined }));
        ctx.out(msg(ctx, r.changed ? 'cli.entry.nomination.saved' : 'cli.entry.unchanged', { line: nominationLine(ctx, r.nomination), item: id }));
      }),
    ),
  );
  applyLocale(ctx, nom.command('remove'))
    .description(msg(ctx, 'cli.entry.nomination.remove.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .argument('<id>', msg(ctx, 'cli.entry.opt.nom_id'))
    .action(
      runner.wrap((dir: string, id: string) =>
        entryAction(ctx, dir, async (ws) => {
          const n = await removeNomination(ws, id);
          ctx.out(msg(ctx, 'cli.entry.nomination.removed', { line: nominationLine(ctx, n) }));
        }),
      ),
    );
  applyLocale(ctx, nom.command('list'))
    .description(msg(ctx, 'cli.entry.nomination.list.description'))
    .argument('<workspace>', msg(ctx, 'cli.arg.agency_workspace'))
    .action(
      runner.wrap((dir: string) =>
        entryAction(ctx, dir, async (ws) => {
          const list = await listNominations(ws);
          for (const n of list) ctx.out(nominationLine(ctx, n));
          ctx.out(msg(ctx, 'cli.entry.nomination.count', { n: list.length }));
        }),
      ),
    );
}
