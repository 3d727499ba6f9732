/**
 * The commendation rules as a clerk reads them: each rule's award, level and every condition it
 * sets, in the order the selection checks them, highest award first.
 */
import { type Lang, t } from '../i18n/index.ts';
import type { CollectiveAwardRule, CommendationRules, IndividualAwardRule } from '../schema/awards.ts';
import type { ClassificationBand } from '../schema/campaign.ts';
import type { AgencyGroup, LocalizedText } from '../schema/common.ts';
import type { Rating } from '../schema/nomination.ts';

const GROUPS: readonly AgencyGroup[] = ['department', 'district', 'commune'];

export const pickText = (lang: Lang, text: LocalizedText): string => (lang === 'en' && text.en ? text.en : text.vi);

function bandList(lang: Lang, codes: readonly string[], bands: readonly ClassificationBand[]): string {
  return codes
    .map((code) => {
      const b = bands.find((x) => x.code === code);
      return b ? t(lang, 'awards.describe.band', { code, label: pickText(lang, b.label) }) : code;
    })
    .join(', ');
}

function topList(lang: Lang, topN: Partial<Record<AgencyGroup, number>> | undefined): string | null {
  if (!topN) return null;
  const items = GROUPS.filter((g) => topN[g] !== undefined).map((g) => t(lang, 'awards.describe.top_n_item', { group: t(lang, `results.group.${g}`), n: topN[g]! }));
  return items.length > 0 ? items.join('; ') : null;
}

const ratings = (lang: Lang, list: readonly Rating[]): string => list.map((r) => t(lang, `awards.rating.${r}`)).join('; ');

function collectiveConditions(lang: Lang, r: CollectiveAwardRule, bands: readonly ClassificationBand[]): string[] {
  const out: string[] = [t(lang, r.requireNomination ? 'awards.describe.require_nomination' : 'awards.describe.any_ranked')];
  out.push(t(lang, 'awards.describe.bands', { bands: bandList(lang, r.bands, bands) }));
  const top = topList(lang, r.topN);
  if (top) out.push(t(lang, 'awards.describe.top_n', { list: top }));
  if (r.minIndex !== undefined) out.push(t(lang, 'awards.describe.min_index', { minIndex: r.minIndex }));
  if (r.noPenalty) out.push(t(lang, 'awards.describe.no_penalty'));
  if (r.consecutiveYears > 1) out.push(t(lang, 'awards.describe.consecutive_years', { years: r.consecutiveYears }));
  out.push(t(lang, 'awards.describe.not_falsified'));
  return out;
}

function individualConditions(lang: Lang, r: IndividualAwardRule, bands: readonly ClassificationBand[]): string[] {
  const out: string[] = [t(lang, 'awards.describe.agency_bands', { bands: bandList(lang, r.agencyBands, bands) })];
  const top = topList(lang, r.agencyTopN);
  if (top) out.push(t(lang, 'awards.describe.agency_top_n', { list: top }));
  out.push(t(lang, 'awards.describe.rating_this_year', { ratings: ratings(lang, r.ratingThisYear) }));
  if (r.ratingLastYear) out.push(t(lang, 'awards.describe.rating_last_year', { ratings: ratings(lang, r.ratingLastYear) }));
  if (r.noDiscipline) out.push(t(lang, 'awards.describe.no_discipline'));
  if (r.minInitiatives > 0) out.push(t(lang, 'awards.describe.initiatives', { min: r.minInitiatives }));
  out.push(t(lang, 'awards.describe.not_falsified'));
  out.push(t(lang, 'awards.describe.cap', { cap: r.capPerAgency }));
  return out;
}

/** Lines to print: a heading per kind, then per rule its title line and its conditions, indented. */
export function describeRules(lang: Lang, rules: CommendationRules, bands: readonly ClassificationBand[]): string[] {
  const lines: string[] = [];
  const block = (kind: 'collectives' | 'individuals', list: readonly { rule: CollectiveAwardRule | IndividualAwardRule; conditions: string[] }[]) => {
    lines.push(t(lang, `awards.describe.heading.${kind}`, { count: list.length }));
    if (list.length === 0) lines.push(`   ${t(lang, 'awards.describe.none')}`);
    list.forEach(({ rule: r, conditions }, i) => {
      lines.push(t(lang, 'awards.describe.rule', { no: String(i + 1), award: pickText(lang, r.award), id: r.id, level: t(lang, `awards.level.${r.level}`) }));
      for (const c of conditions) lines.push(`   - ${c}`);
      // The first rule has no higher award to be exclusive with.
      if (i > 0) lines.push(`   - ${t(lang, r.cumulative ? 'awards.describe.cumulative' : 'awards.describe.exclusive')}`);
      lines.push(`   - ${t(lang, 'awards.describe.wording', { text: pickText(lang, r.certificateWording) })}`);
    });
  };
  block('collectives', rules.collectives.map((rule) => ({ rule, conditions: collectiveConditions(lang, rule, bands) })));
  lines.push('');
  block('individuals', rules.individuals.map((rule) => ({ rule, conditions: individualConditions(lang, rule, bands) })));
  return lines;
}
