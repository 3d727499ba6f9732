/**
 * What the agency must answer, per area: leaves with a rule the agency answers itself (not the
 * sociological survey). Progress on screen counts only these, so a finished self-assessment reaches
 * its full count (survey items are filled by Home Affairs, never by the agency).
 */
import type { ItemEntry } from '../schema/assessment.ts';
import type { TemplateItem } from '../schema/template.ts';

export interface AreaProgress {
  /** Leaves of the area with an input (an answer or "not applicable"). */
  answered: number;
  /** Leaves of the area the agency must answer. */
  total: number;
  /** Of those, leaves with neither a document nor an explanation. */
  withoutEvidence: number;
}

type Items = Readonly<Record<string, Pick<ItemEntry, 'input' | 'evidence' | 'explanation'> | undefined>>;

/** A leaf the agency answers: it has a rule, and neither the rule nor the item is the survey's. */
export function agencyAnswers(item: Pick<TemplateItem, 'rule' | 'survey'>): boolean {
  return item.rule !== undefined && item.rule.type !== 'SURVEY' && !item.survey;
}

export function isAnswered(entry: Pick<ItemEntry, 'input'> | undefined): boolean {
  return entry?.input !== undefined;
}

/** No supporting document and no explanation of why there is none. */
export function lacksEvidence(entry: Pick<ItemEntry, 'evidence' | 'explanation'> | undefined): boolean {
  return (entry?.evidence.length ?? 0) === 0 && !entry?.explanation?.trim();
}

/**
 * Progress of every area (root) and of the whole template, in document order. Items are the
 * template's, flat with parent codes; `entries` the assessment's items (absent when nothing is saved).
 */
export function areaProgress(items: readonly TemplateItem[], entries: Items = {}): { areas: Map<string, AreaProgress>; all: AreaProgress } {
  const parent = new Map(items.map((i) => [i.code, i.parent]));
  const rootOf = (code: string): string => {
    let c = code;
    for (let p = parent.get(c); p; p = parent.get(c)) c = p;
    return c;
  };
  const areas = new Map<string, AreaProgress>();
  for (const i of items) if (i.parent === null) areas.set(i.code, { answered: 0, total: 0, withoutEvidence: 0 });
  const all: AreaProgress = { answered: 0, total: 0, withoutEvidence: 0 };
  for (const i of items) {
    if (!agencyAnswers(i)) continue;
    const area = areas.get(rootOf(i.code));
    const e = entries[i.code];
    for (const p of area ? [area, all] : [all]) {
      p.total++;
      if (isAnswered(e)) p.answered++;
      if (lacksEvidence(e)) p.withoutEvidence++;
    }
  }
  return { areas, all };
}
