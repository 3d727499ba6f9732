/**
 * A real Home Affairs workspace for the board reports: the demo province (60 agencies, seed 7),
 * every submission imported (one of them after the deadline, so it is not ranked), the survey
 * imported, a few agencies renamed with every Vietnamese diacritic and formula-looking text, and the
 * results consolidated twice: alone, and with two earlier years (made from this year's results,
 * relabelled and changed a little) for the period comparison.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { consolidate } from '../../../electron/services/consolidate.ts';
import { importSubmissions } from '../../../electron/services/cycle/index.ts';
import { writeDemoCycle } from '../../../electron/services/demo/cycle.ts';
import { type ReportContext, defaultFooter } from '../../../electron/services/reports/kit/context.ts';
import { WorkspaceStore } from '../../../electron/services/store/workspace.ts';
import { importSurveyFile } from '../../../electron/services/survey/import.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import type { Results } from '../../../shared/results/index.ts';
import type { Campaign } from '../../../shared/schema/campaign.ts';

/** Every Vietnamese vowel with every tone mark, upper and lower case, and đ/Đ. */
export const DIACRITICS =
  'Sở Ăn Ắ Ằ Ẳ Ẵ Ặ Â Ấ Ầ Ẩ Ẫ Ậ Ê Ế Ề Ể Ễ Ệ Ô Ố Ồ Ổ Ỗ Ộ Ơ Ớ Ờ Ở Ỡ Ợ Ư Ứ Ừ Ử Ữ Ự Đ đ ả ã ạ á à ẻ ẽ ẹ ỉ ĩ ị ỏ õ ọ ủ ũ ụ ỷ ỹ ỵ ý ỳ ặ ậ ệ ộ ợ ự';

/** Agency code → the name it gets before consolidation. */
export const RENAMED: Record<string, string> = {
  S02: DIACRITICS,
  S03: '+Sở Ảo',
  H02: '-Huyện Âm',
  X003: '=HYPERLINK("http://x")',
  X004: '@Xã Ổn',
};

/** Submitted after the deadline: not ranked (the campaign's late rule is "not_ranked"). */
export const LATE = 'S05';
/** Left out of the earlier years entirely. */
export const NEW_IN_THIS_YEAR = 'S04';
/** Submitted two years ago, not last year: its change is taken against two years ago. */
export const GAP = 'X005';

export interface BoardFixture {
  campaign: Campaign;
  results: Results;
  withHistory: Results;
  history: Results[];
}

const DAY = 86_400_000;

function relabel(r: Results, year: number, shift: number): Results {
  const copy = structuredClone(r);
  copy.campaign = { ...copy.campaign, id: `cchc-${year}`, year, title: { vi: `Chỉ số CCHC năm ${year}` } };
  copy.generatedAt = `${year}-12-31T00:00:00.000Z`;
  copy.comparison = null;
  copy.agencies = copy.agencies
    .filter((a) => a.agency.code !== NEW_IN_THIS_YEAR)
    .map((a, i) => {
      const d = shift * ((i % 4) + 1);
      return {
        ...a,
        index: Math.round((a.index - d) * 100) / 100,
        areas: a.areas.map((ar) => (ar.index === null ? ar : { ...ar, index: Math.round((ar.index - d) * 100) / 100 })),
      };
    });
  return copy;
}

export async function buildBoardFixture(tmp: string): Promise<BoardFixture> {
  const ha = join(tmp, 'so-noi-vu');
  const out = join(tmp, 'ho-so');
  const today = new Date();
  await writeDemoCycle(ha, out, { agencies: 60, seed: 7, today });
  const files = readdirSync(out)
    .filter((f) => f.endsWith('.parscore'))
    .sort()
    .map((f) => ({ file: f, bytes: readFileSync(join(out, f)) }));
  const ws = await WorkspaceStore.open(ha);
  try {
    const onTime = await importSubmissions(ws, files.filter((f) => !f.file.startsWith(`${LATE}-`)));
    const late = await importSubmissions(
      ws,
      files.filter((f) => f.file.startsWith(`${LATE}-`)),
      { now: new Date(today.getTime() + 30 * DAY).toISOString() },
    );
    const bad = [...onTime, ...late].filter((v) => v.verdict !== 'accepted');
    if (bad.length > 0 || late.length !== 1) throw new Error(`import: ${JSON.stringify(bad).slice(0, 500)}`);
    const survey = await importSurveyFile(ws, join(out, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
    if (!survey.ok) throw new Error('survey import failed');
    const c = ws.campaign()!;
    await ws.setCampaign({ ...c, agencies: c.agencies.map((a) => (RENAMED[a.code] ? { ...a, name: RENAMED[a.code]! } : a)) });

    const now = new Date(today.getTime() + 31 * DAY).toISOString();
    const alone = await consolidate(ws, { now });
    if (!alone.ok) throw new Error(JSON.stringify(alone.error));
    const results = alone.value;
    const last = relabel(results, results.campaign.year - 1, 1.5);
    const before = relabel(results, results.campaign.year - 2, 3);
    // The gap agency: submitted two years ago, not last year.
    last.agencies = last.agencies.map((a) => (a.agency.code === GAP ? { ...a, submitted: false, rank: null, ranked: false, band: null } : a));
    const history = [before, last];
    const compared = await consolidate(ws, { now, history });
    if (!compared.ok) throw new Error(JSON.stringify(compared.error));
    return { campaign: ws.campaign()!, results, withHistory: compared.value, history };
  } finally {
    await ws.close();
  }
}

export function contextOf(f: { campaign: Campaign }, results: Results, lang: Lang = 'vi'): ReportContext {
  return { results, campaign: f.campaign, lang, date: new Date(2025, 1, 5), footer: defaultFooter(f.campaign, lang) };
}
