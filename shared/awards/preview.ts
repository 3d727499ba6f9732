/**
 * What a set of commendation rules selects, rule by rule: the subjects proposed with the conditions
 * they meet, and those left out with the first condition they fail (or the higher award they are
 * already proposed for). Built from the commendation part of the results, whatever rules made it.
 */
import { type Lang, t } from '../i18n/index.ts';
import type { CollectiveAwardRule, CommendationRules, IndividualAwardRule } from '../schema/awards.ts';
import type { LocalizedText } from '../schema/common.ts';
import { pickText } from './describe.ts';
import { briefReason, formatReason } from './format.ts';
import type { Candidate, CandidateKind, Commendation, Exclusion, Reason } from './schema.ts';

export interface RulePreview {
  kind: CandidateKind;
  rule: string;
  award: LocalizedText;
  level: CollectiveAwardRule['level'];
  cumulative: boolean;
  selected: Candidate[];
  excluded: Exclusion[];
}

export interface Preview {
  rules: RulePreview[];
  /** Nominations for an award the rules do not have. */
  unknownRules: Exclusion[];
}

export function previewOf(rules: CommendationRules, c: Commendation): Preview {
  const of = (kind: CandidateKind, list: readonly (CollectiveAwardRule | IndividualAwardRule)[]): RulePreview[] =>
    list.map((r) => ({
      kind,
      rule: r.id,
      award: r.award,
      level: r.level,
      cumulative: r.cumulative,
      selected: (kind === 'collective' ? c.collectives : c.individuals).filter((x) => x.rule === r.id),
      excluded: c.excluded.filter((x) => x.kind === kind && x.rule === r.id),
    }));
  const previews = [...of('collective', rules.collectives), ...of('individual', rules.individuals)];
  const known = new Set(previews.map((p) => `${p.kind}\u0000${p.rule}`));
  return { rules: previews, unknownRules: c.excluded.filter((x) => !known.has(`${x.kind}\u0000${x.rule}`)) };
}

/** "Sở Nội vụ (S01)", or "Nguyễn Văn An, Sở Nội vụ (S01)" for someone or a unit of the agency. */
function subject(lang: Lang, x: { name: string; agency: string; agencyName: string }): string {
  return x.name === x.agencyName ? t(lang, 'awards.preview.subject', { name: x.name, agency: x.agency }) : t(lang, 'awards.preview.subject_in', { name: x.name, agencyName: x.agencyName, agency: x.agency });
}

/** Why a candidate is on the list: the conditions met briefly, and the council's decision if it put it there. */
export function candidateReasons(lang: Lang, c: Candidate): string[] {
  const out = c.satisfied.map((r) => briefReason(lang, r));
  if (c.override) out.push(t(lang, 'awards.preview.override_in', { reason: c.override.reason }));
  if (c.unmet) out.push(formatReason(lang, c.unmet).replace(/\.\s*$/, ''));
  return out;
}

export function previewLines(lang: Lang, p: Preview): string[] {
  const lines: string[] = [];
  p.rules.forEach((r, i) => {
    const kind = t(lang, `rlist.award.kind_count.${r.kind}`);
    lines.push(t(lang, 'awards.preview.rule', { no: String(i + 1), award: pickText(lang, r.award), rule: r.rule, kind, selected: r.selected.length, excluded: r.excluded.length }));
    lines.push(`   ${t(lang, 'awards.preview.selected')}`);
    if (r.selected.length === 0) lines.push(`     ${t(lang, 'awards.preview.nobody')}`);
    for (const c of r.selected) lines.push(`     ${t(lang, 'awards.preview.candidate', { stt: String(c.stt), name: subject(lang, c), reasons: candidateReasons(lang, c).join('; ') })}`);
    if (r.excluded.length > 0) {
      lines.push(`   ${t(lang, 'awards.preview.excluded')}`);
      for (const e of r.excluded) lines.push(`     ${t(lang, 'awards.preview.exclusion', { name: subject(lang, e), reason: formatReason(lang, e.reason) })}`);
    }
  });
  if (p.unknownRules.length > 0) {
    lines.push(t(lang, 'awards.preview.unknown_rules'));
    for (const e of p.unknownRules) lines.push(`   ${t(lang, 'awards.preview.exclusion', { name: subject(lang, e), reason: formatReason(lang, e.reason) })}`);
  }
  const count = (kind: CandidateKind) => p.rules.filter((r) => r.kind === kind).reduce((n, r) => n + r.selected.length, 0);
  const excluded = p.rules.reduce((n, r) => n + r.excluded.length, 0) + p.unknownRules.length;
  lines.push(t(lang, 'awards.preview.totals', { collectives: count('collective'), individuals: count('individual'), excluded }));
  return lines;
}

/** The preview for machines: every reason as its catalogue key and parameters, and as text. */
export function previewJson(lang: Lang, p: Preview): Record<string, unknown> {
  const reason = (r: Reason) => ({ ...r, text: formatReason(lang, r) });
  const exclusion = (e: Exclusion) => ({ subject: e.subject, agency: e.agency, agencyName: e.agencyName, name: e.name, reason: reason(e.reason), override: e.override });
  return {
    rules: p.rules.map((r) => ({
      kind: r.kind,
      rule: r.rule,
      award: r.award,
      level: r.level,
      cumulative: r.cumulative,
      selected: r.selected.map((c) => ({
        stt: c.stt,
        subject: c.subject,
        agency: c.agency,
        agencyName: c.agencyName,
        name: c.name,
        satisfied: c.satisfied.map(reason),
        override: c.override,
        unmet: c.unmet && reason(c.unmet),
      })),
      excluded: r.excluded.map(exclusion),
    })),
    unknownRules: p.unknownRules.map((e) => ({ rule: e.rule, kind: e.kind, ...exclusion(e) })),
  };
}
