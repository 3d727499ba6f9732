/**
 * The campaign's headline figures: province-wide figures combining groups, e.g. "thủ tục hành chính
 * ở cả ba cấp" = the departments' sum + the district level's shared set + the commune level's
 * shared set. Each part is one group's aggregate of one figure, as the group's table shows it.
 */
import type { Campaign } from '../schema/campaign.ts';
import { round2 } from '../scoring/rounding.ts';
import { t } from '../i18n/index.ts';
import { type Issue, issue } from '../util/issue.ts';
import type { HeadlinePartResult, HeadlineResult, IndicatorFigure, IndicatorScope } from './schema.ts';

function partValue(f: IndicatorFigure): Pick<HeadlinePartResult, 'value' | 'state'> {
  switch (f.aggregate) {
    case 'SUM':
    case 'SHARED':
      return f.value === null ? { value: null, state: 'not_declared' } : { value: f.value, state: 'ok' };
    case 'COUNT_YES':
      return f.declared === 0 ? { value: null, state: 'not_declared' } : { value: f.yes, state: 'ok' };
    case 'AVERAGE':
      // Averages of different groups do not add up to anything a review could quote.
      return { value: null, state: 'not_additive' };
  }
}

/**
 * Each headline of the campaign from the groups' figures (`scopes`, as headlineFigures computed
 * them): the sum of the parts that have a value; a part with none (nobody of the group declared,
 * the group has no such figure, an average) is named in `parts` and leaves the headline partial;
 * with no part at all the headline has no value ("chưa kê khai"). Parts that cannot add are
 * reported as issues, since the campaign's definition is at fault.
 */
export function campaignHeadlines(headlines: Campaign['headlines'], scopes: readonly IndicatorScope[]): { headlines: HeadlineResult[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const out = headlines.map((h): HeadlineResult => {
    const parts = h.parts.map((p): HeadlinePartResult => {
      const f = scopes.find((s) => s.scope === p.group)?.figures.find((x) => x.code === p.indicator);
      if (!f) {
        issues.push(issue('results.headline_no_figure', undefined, { code: h.code, headline: h.title.vi, headlineEn: h.title.en ?? h.title.vi, groupName: t('vi', `results.group.${p.group}`), groupNameEn: t('en', `results.group.${p.group}`), indicator: p.indicator }));
        return { group: p.group, indicator: p.indicator, title: null, aggregate: null, value: null, state: 'no_figure' };
      }
      const got = partValue(f);
      if (got.state === 'not_additive') {
        issues.push(issue('results.headline_not_additive', undefined, { code: h.code, headline: h.title.vi, headlineEn: h.title.en ?? h.title.vi, groupName: t('vi', `results.group.${p.group}`), groupNameEn: t('en', `results.group.${p.group}`), indicator: p.indicator }));
      }
      return { group: p.group, indicator: p.indicator, title: f.title, aggregate: f.aggregate, ...got };
    });
    const present = parts.filter((p) => p.value !== null);
    return {
      code: h.code,
      title: h.title,
      unit: h.unit ?? null,
      value: present.length > 0 ? round2(present.reduce((s, p) => s + p.value!, 0)) : null,
      complete: present.length === parts.length,
      parts,
    };
  });
  return { headlines: out, issues };
}
