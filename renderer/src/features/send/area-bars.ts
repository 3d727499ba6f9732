import type { Template } from '../../../../shared/schema/index.ts';
import type { ScoreReport } from '../../../../shared/scoring/index.ts';

export interface AreaBar {
  code: string;
  title: { vi: string; en?: string | undefined };
  score: number;
  max: number;
  /** score ÷ max × 100, 0 when the area has nothing to score. */
  percent: number;
}

/** The areas the agency scores itself (the survey's are Home Affairs'), in the template's order, with their share of the maximum. */
export function areaBars(report: ScoreReport, template: Template): AreaBar[] {
  const titles = new Map(template.items.map((i) => [i.code, i.title]));
  return report.roots.flatMap((code) => {
    const s = report.items[code];
    if (!s || s.survey) return [];
    const max = s.effectiveMax;
    return [{ code, title: titles.get(code) ?? { vi: code }, score: s.score, max, percent: max > 0 ? Math.round((s.score / max) * 1000) / 10 : 0 }];
  });
}
