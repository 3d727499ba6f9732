/**
 * Commendation candidates (đề xuất khen thưởng) from the year's results, by the campaign's rules.
 * Every candidate lists every condition of its rule that it satisfies; every nominee or nominated
 * collective left out names the first condition it fails, in the order the rule lists them. Awards
 * are exclusive: the rules of each kind are listed highest first, and a subject on the list of an
 * earlier rule is not proposed for a later one unless that rule is `cumulative`. The emulation
 * council's overrides then put subjects in or take them out, with their recorded reason.
 */
import type { Agency } from '../schema/agency.ts';
import type { AwardOverride, CollectiveAwardRule, CommendationRules, IndividualAwardRule } from '../schema/awards.ts';
import type { AgencyGroup, LocalizedText } from '../schema/common.ts';
import { type CollectiveNomination, type IndividualNomination, type Nomination, RATINGS, type Rating } from '../schema/nomination.ts';
import { leq } from '../scoring/rounding.ts';
import { type Issue, issue } from '../util/issue.ts';
import type { Candidate, CandidateKind, Commendation, Exclusion, OverrideMark, Reason } from './schema.ts';

/** What the selection needs to know about one agency of the year (published figures). */
export interface AgencyStanding {
  agency: Agency;
  submitted: boolean;
  ranked: boolean;
  rank: number | null;
  band: string | null;
  index: number;
  /** Penalty points applied by the appraisal (after the cap). */
  penalty: number;
  /** Points deducted for a late submission. */
  latePenalty: number;
  falsifiedEvidence: boolean;
  nominations: readonly Nomination[];
}

/** An earlier year's classification: agency code → band (null: not classified that year). */
export interface PriorYear {
  year: number;
  bands: ReadonlyMap<string, string | null>;
}

export interface SelectionInput {
  year: number;
  rules: CommendationRules;
  agencies: readonly AgencyStanding[];
  /** Earlier years, any order; for `consecutiveYears`. */
  history?: readonly PriorYear[];
  overrides?: readonly AwardOverride[];
}

export interface Selection extends Commendation {
  /** Overrides that could not be applied (unknown rule or subject). */
  issues: Issue[];
}

const GROUP_ORDER: Record<AgencyGroup, number> = { department: 0, district: 1, commune: 2 };
const RATING_ORDER = new Map<Rating, number>(RATINGS.map((r, i) => [r, i]));

const reason = (key: string, params: Reason['params'] = {}): Reason => ({ key, params });

/** The outcome of checking one subject against one rule: what it satisfies, and the first failure. */
interface Verdict {
  satisfied: Reason[];
  failed: Reason | null;
}

/**
 * Checks conditions in the rule's order: keeps every condition met (a subject the council puts on the
 * list against the rule still shows all it does meet) and the first one failed.
 */
class Checker {
  readonly satisfied: Reason[] = [];
  failed: Reason | null = null;
  check(ok: boolean, pass: Reason, fail: Reason): void {
    if (ok) this.satisfied.push(pass);
    else this.failed ??= fail;
  }
  verdict(): Verdict {
    return { satisfied: this.satisfied, failed: this.failed };
  }
}

/** The agency is ranked this year (shared by collectives and individuals). */
function checkRanked(c: Checker, s: AgencyStanding): void {
  if (!s.submitted) c.check(false, reason('awards.ok.ranked'), reason('awards.fail.no_submission'));
  else c.check(s.ranked && s.rank !== null, reason('awards.ok.ranked', { rank: s.rank ?? 0 }), reason('awards.fail.not_ranked'));
}

function checkBand(c: Checker, s: AgencyStanding, bands: readonly string[]): void {
  const ok = s.band !== null && bands.includes(s.band);
  c.check(ok, reason('awards.ok.band', { band: s.band ?? '—' }), reason('awards.fail.band', { band: s.band ?? '—', bands: bands.join(', ') }));
}

function checkTopN(c: Checker, s: AgencyStanding, topN: Partial<Record<AgencyGroup, number>> | undefined): void {
  const n = topN?.[s.agency.group];
  if (n === undefined) return;
  const rank = s.rank ?? 0;
  c.check(s.rank !== null && s.rank <= n, reason('awards.ok.top_n', { rank, topN: n }), reason('awards.fail.top_n', { rank, topN: n }));
}

function evaluateCollective(rule: CollectiveAwardRule, s: AgencyStanding, year: number, history: ReadonlyMap<number, PriorYear>, nominated: boolean): Verdict {
  const c = new Checker();
  if (rule.requireNomination) c.check(nominated, reason('awards.ok.nominated'), reason('awards.fail.not_nominated'));
  checkRanked(c, s);
  checkBand(c, s, rule.bands);
  checkTopN(c, s, rule.topN);
  if (rule.minIndex !== undefined) {
    const p = { index: s.index, minIndex: rule.minIndex };
    c.check(leq(rule.minIndex, s.index), reason('awards.ok.min_index', p), reason('awards.fail.min_index', p));
  }
  if (rule.noPenalty) {
    c.check(s.penalty === 0 && s.latePenalty === 0, reason('awards.ok.no_penalty'), reason('awards.fail.penalty', { penalty: s.penalty, latePenalty: s.latePenalty }));
  }
  if (rule.consecutiveYears > 1) {
    const miss = priorYearsFailure(rule, s.agency.code, year, history);
    const p = { years: rule.consecutiveYears, from: year - rule.consecutiveYears + 1, to: year };
    c.check(miss === null, reason('awards.ok.consecutive_years', p), miss ?? reason('awards.fail.prior_year_missing'));
  }
  c.check(!s.falsifiedEvidence, reason('awards.ok.not_falsified'), reason('awards.fail.falsified'));
  return c.verdict();
}

/**
 * The earlier years a collective rule needs, latest first: the first one with no classification
 * (no results for that year, or the agency not in them) or outside the rule's bands.
 */
function priorYearsFailure(rule: CollectiveAwardRule, code: string, year: number, history: ReadonlyMap<number, PriorYear>): Reason | null {
  for (let k = 1; k < rule.consecutiveYears; k++) {
    const y = year - k;
    const prior = history.get(y);
    if (!prior || !prior.bands.has(code)) return reason('awards.fail.prior_year_missing', { year: y });
    const band = prior.bands.get(code) ?? null;
    if (band === null || !rule.bands.includes(band)) return reason('awards.fail.prior_year_band', { year: y, band: band ?? '—', bands: rule.bands.join(', ') });
  }
  return null;
}

/** Conditions of an individual rule before the cap per agency. */
function evaluateIndividual(rule: IndividualAwardRule, s: AgencyStanding, n: IndividualNomination): Verdict {
  const c = new Checker();
  checkRanked(c, s);
  checkBand(c, s, rule.agencyBands);
  checkTopN(c, s, rule.agencyTopN);
  c.check(
    rule.ratingThisYear.includes(n.ratingThisYear),
    reason('awards.ok.rating_this_year', { rating: n.ratingThisYear }),
    reason('awards.fail.rating_this_year', { rating: n.ratingThisYear, allowed: rule.ratingThisYear.join(', ') }),
  );
  if (rule.ratingLastYear) {
    if (n.ratingLastYear === null) c.check(false, reason('awards.ok.rating_last_year'), reason('awards.fail.rating_last_year_missing'));
    else {
      c.check(
        rule.ratingLastYear.includes(n.ratingLastYear),
        reason('awards.ok.rating_last_year', { rating: n.ratingLastYear }),
        reason('awards.fail.rating_last_year', { rating: n.ratingLastYear, allowed: rule.ratingLastYear.join(', ') }),
      );
    }
  }
  if (rule.noDiscipline) c.check(n.discipline === null, reason('awards.ok.no_discipline'), reason('awards.fail.discipline', { discipline: n.discipline ?? '' }));
  if (rule.minInitiatives > 0) {
    const p = { count: n.initiatives, min: rule.minInitiatives };
    c.check(n.initiatives >= rule.minInitiatives, reason('awards.ok.initiatives', p), reason('awards.fail.initiatives', p));
  }
  c.check(!s.falsifiedEvidence, reason('awards.ok.not_falsified'), reason('awards.fail.falsified'));
  return c.verdict();
}

/** One subject checked against one rule, before overrides. */
interface Entry {
  kind: CandidateKind;
  rule: CollectiveAwardRule | IndividualAwardRule;
  ruleIdx: number;
  standing: AgencyStanding;
  subject: string;
  /** Other subject ids an override may name (a collective's agency code). */
  aliases: string[];
  nomination: Nomination | null;
  /** Position of the nomination in the agency's list (-1 for the agency itself). */
  order: number;
  verdict: Verdict;
  /** Nominated subjects are reported when left out; agencies considered on their own are not. */
  reportIfExcluded: boolean;
  override: AwardOverride | null;
}

const mark = (o: AwardOverride): OverrideMark => ({ action: o.action, reason: o.reason, by: o.by, at: o.at });

function fillYear(text: LocalizedText, year: number): LocalizedText {
  const fill = (s: string) => s.replaceAll('{year}', String(year));
  return text.en === undefined ? { vi: fill(text.vi) } : { vi: fill(text.vi), en: fill(text.en) };
}

function subjectName(e: Entry): string {
  const n = e.nomination;
  if (n === null) return e.standing.agency.name;
  return n.kind === 'collective' ? n.name : n.fullName;
}

function toCandidate(e: Entry, year: number): Omit<Candidate, 'stt'> {
  const s = e.standing;
  const n = e.nomination;
  const person = n?.kind === 'individual' ? n : null;
  const ov = e.override;
  const overridden = ov !== null && ov.action === 'include';
  return {
    kind: e.kind,
    rule: e.rule.id,
    subject: e.subject,
    agency: s.agency.code,
    agencyName: s.agency.name,
    group: s.agency.group,
    name: subjectName(e),
    gender: person?.gender ?? null,
    birthYear: person?.birthYear ?? null,
    position: person?.position ?? null,
    unit: person?.unit ?? s.agency.name,
    agencyIndex: s.index,
    agencyRank: s.ranked ? s.rank : null,
    agencyBand: s.band,
    achievements: n?.achievements ?? null,
    proposedAward: e.rule.award,
    level: e.rule.level,
    certificateWording: fillYear(e.rule.certificateWording, year),
    note: n?.note ?? null,
    satisfied: e.verdict.satisfied,
    override: overridden ? mark(ov) : null,
    unmet: overridden ? e.verdict.failed : null,
  };
}

function toExclusion(e: Entry, why: Reason): Exclusion {
  const s = e.standing;
  return {
    kind: e.kind,
    rule: e.rule.id,
    subject: e.subject,
    agency: s.agency.code,
    agencyName: s.agency.name,
    group: s.agency.group,
    name: subjectName(e),
    reason: why,
    override: e.override ? mark(e.override) : null,
  };
}

/** On the list: put there by the council, or meeting every condition with no decision against it. */
function isListed(e: Entry): boolean {
  const o = e.override;
  return o?.action === 'include' || (o === null && e.verdict.failed === null);
}

/** A name as compared to tell one collective from another: case and spacing do not matter. */
const sameName = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();

/** A collective is the agency itself or one of its units, told apart by name (an agency may nominate itself by name). */
const collectiveKey = (e: Entry): string => sameName(subjectName(e));

/**
 * A subject already on the list of `higher` (an earlier rule of its kind) is not proposed for this
 * rule unless the rule is cumulative: that becomes the reason it is left out, before any condition
 * it fails. An agency considered on its own that meets this rule is then reported, so the list says
 * why it is not there. The council may still include it (its decision shows this as unmet).
 */
function blockIfAwarded(e: Entry, higher: CollectiveAwardRule | IndividualAwardRule | undefined): void {
  if (!higher || e.rule.cumulative) return;
  if (e.verdict.failed === null) e.reportIfExcluded = true;
  e.verdict.failed = reason('awards.fail.higher_award', { rule: higher.id, award: higher.award.vi, award_en: higher.award.en ?? higher.award.vi });
}

const rankKey = (s: AgencyStanding): number => (s.ranked && s.rank !== null ? s.rank : Number.MAX_SAFE_INTEGER);

/** List order: rule, group, agency rank, index (higher first), agency code, then the order given. */
function compareEntries(a: Entry, b: Entry, within: (a: Entry, b: Entry) => number): number {
  return (
    a.ruleIdx - b.ruleIdx ||
    GROUP_ORDER[a.standing.agency.group] - GROUP_ORDER[b.standing.agency.group] ||
    rankKey(a.standing) - rankKey(b.standing) ||
    b.standing.index - a.standing.index ||
    a.standing.agency.code.localeCompare(b.standing.agency.code) ||
    within(a, b)
  );
}

/** Nominees of one agency for one rule, best first: rating, then initiatives, then nomination order. */
function capOrder(a: Entry, b: Entry): number {
  const na = a.nomination as IndividualNomination;
  const nb = b.nomination as IndividualNomination;
  return (RATING_ORDER.get(na.ratingThisYear) ?? 9) - (RATING_ORDER.get(nb.ratingThisYear) ?? 9) || nb.initiatives - na.initiatives || a.order - b.order;
}

const byOrder = (a: Entry, b: Entry): number => a.order - b.order;

export function selectCandidates(input: SelectionInput): Selection {
  const { year, rules } = input;
  const issues: Issue[] = [];
  // A year given twice: the later record wins.
  const history = new Map<number, PriorYear>();
  for (const h of input.history ?? []) if (h.year < year) history.set(h.year, h);
  const overrides = latestOverrides(input.overrides ?? []);
  const used = new Set<AwardOverride>();
  /** The decision on a subject, by any of its ids; `onlyIncludes` ignores (and leaves unused) exclusions. */
  const findOverride = (ruleId: string, agency: string, ids: readonly string[], onlyIncludes = false): AwardOverride | null => {
    for (const id of ids) {
      const o = overrides.get(overrideKey(ruleId, agency, id));
      if (o && (!onlyIncludes || o.action === 'include')) {
        used.add(o);
        return o;
      }
    }
    return null;
  };

  const collectiveRules = new Map(rules.collectives.map((r, i) => [r.id, [r, i] as const]));
  const individualRules = new Map(rules.individuals.map((r, i) => [r.id, [r, i] as const]));
  const entries: Entry[] = [];
  const excluded: Exclusion[] = [];
  const unknownRule = (s: AgencyStanding, n: Nomination, kind: CandidateKind): void => {
    // A person the council put under one of the rules is not left out for the award the agency named.
    if (kind === 'individual' && rules.individuals.some((r) => overrides.get(overrideKey(r.id, s.agency.code, n.id))?.action === 'include')) return;
    excluded.push({
      kind,
      rule: n.proposedAward,
      subject: n.id,
      agency: s.agency.code,
      agencyName: s.agency.name,
      group: s.agency.group,
      name: n.kind === 'collective' ? n.name : n.fullName,
      reason: reason('awards.fail.unknown_rule', { rule: n.proposedAward }),
      override: null,
    });
  };

  for (const s of input.agencies) {
    const collectiveNoms = new Map<string, { n: CollectiveNomination; order: number }[]>();
    s.nominations.forEach((n, order) => {
      if (n.kind === 'collective') {
        if (!collectiveRules.has(n.proposedAward)) return unknownRule(s, n, 'collective');
        const list = collectiveNoms.get(n.proposedAward) ?? [];
        list.push({ n, order });
        collectiveNoms.set(n.proposedAward, list);
      } else if (!individualRules.has(n.proposedAward)) unknownRule(s, n, 'individual');
    });
    // Awards are exclusive: what each collective (by name) and each nominee of this agency is
    // already on the list for, from the rules before (higher awards first).
    const collectiveAwards = new Map<string, CollectiveAwardRule>();
    const individualAwards = new Map<string, IndividualAwardRule>();
    rules.collectives.forEach((rule, ruleIdx) => {
      const noms = collectiveNoms.get(rule.id) ?? [];
      const base = { kind: 'collective' as const, rule, ruleIdx, standing: s };
      const made: Entry[] = [];
      if (noms.length === 0) {
        // The agency itself: considered when the rule needs no nomination (reported only if overridden).
        const override = findOverride(rule.id, s.agency.code, [s.agency.code]);
        if (!rule.requireNomination || override) {
          const verdict = evaluateCollective(rule, s, year, history, false);
          made.push({ ...base, subject: s.agency.code, aliases: [], nomination: null, order: -1, verdict, reportIfExcluded: false, override });
        }
      }
      for (const { n, order } of noms) {
        const override = findOverride(rule.id, s.agency.code, [n.id, s.agency.code]);
        const verdict = evaluateCollective(rule, s, year, history, true);
        made.push({ ...base, subject: n.id, aliases: [s.agency.code], nomination: n, order, verdict, reportIfExcluded: true, override });
      }
      for (const e of made) blockIfAwarded(e, collectiveAwards.get(collectiveKey(e)));
      for (const e of made) if (isListed(e) && !collectiveAwards.has(collectiveKey(e))) collectiveAwards.set(collectiveKey(e), rule);
      entries.push(...made);
    });
    rules.individuals.forEach((rule, ruleIdx) => {
      const pool: Entry[] = [];
      const made: Entry[] = [];
      s.nominations.forEach((n, order) => {
        if (n.kind !== 'individual') return;
        // Nominated for another award: only an include decision brings the person under this rule.
        const proposed = n.proposedAward === rule.id;
        const override = findOverride(rule.id, s.agency.code, [n.id], !proposed);
        if (!proposed && !override) return;
        const verdict = evaluateIndividual(rule, s, n);
        const e: Entry = { kind: 'individual', rule, ruleIdx, standing: s, subject: n.id, aliases: [], nomination: n, order, verdict, reportIfExcluded: true, override };
        // A nominee already on a higher award's list takes no place in this rule's cap.
        blockIfAwarded(e, individualAwards.get(n.id));
        made.push(e);
        if (verdict.failed === null && override?.action !== 'exclude' && n.proposedAward === rule.id) pool.push(e);
      });
      // The cap per agency, among the nominees who meet every other condition.
      pool.sort(capOrder).forEach((e, i) => {
        const p = { position: i + 1, cap: rule.capPerAgency };
        if (i < rule.capPerAgency) e.verdict.satisfied.push(reason('awards.ok.within_cap', p));
        else e.verdict.failed = reason('awards.fail.cap', p);
      });
      for (const e of made) if (isListed(e) && !individualAwards.has(e.subject)) individualAwards.set(e.subject, rule);
      entries.push(...made);
    });
  }

  for (const o of overrides.values()) {
    if (used.has(o)) continue;
    const known = collectiveRules.has(o.rule) || individualRules.has(o.rule);
    issues.push(issue(known ? 'awards.override_unmatched' : 'awards.override_unknown_rule', { agency: o.agency }, { rule: o.rule, subject: o.subject }));
  }

  const collectives: Entry[] = [];
  const individuals: Entry[] = [];
  const excludedEntries: [Entry, Reason][] = [];
  for (const e of entries) {
    const o = e.override;
    const failed = e.verdict.failed;
    if (isListed(e)) (e.kind === 'collective' ? collectives : individuals).push(e);
    // An exclusion decision on a subject that fails anyway keeps the rule's reason (and the decision).
    else if (o?.action === 'exclude') excludedEntries.push([e, failed ?? reason('awards.fail.override_excluded', { reason: o.reason, by: o.by })]);
    else if (e.reportIfExcluded && failed) excludedEntries.push([e, failed]);
  }

  collectives.sort((a, b) => compareEntries(a, b, byOrder));
  individuals.sort((a, b) => compareEntries(a, b, capOrder));
  excludedEntries.sort(([a], [b]) => (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) || compareEntries(a, b, byOrder));

  return {
    collectives: numbered(collectives, year),
    individuals: numbered(individuals, year),
    excluded: [...excludedEntries.map(([e, why]) => toExclusion(e, why)), ...excluded],
    overrides: [...(input.overrides ?? [])],
    issues,
  };
}

/** STT within each rule's list. */
function numbered(list: Entry[], year: number): Candidate[] {
  const counters = new Map<string, number>();
  return list.map((e) => {
    const stt = (counters.get(e.rule.id) ?? 0) + 1;
    counters.set(e.rule.id, stt);
    return { stt, ...toCandidate(e, year) };
  });
}

const overrideKey = (rule: string, agency: string, subject: string): string => `${rule}\u0000${agency}\u0000${subject}`;

/** The latest decision per (rule, agency, subject); a later entry wins a tie. */
function latestOverrides(list: readonly AwardOverride[]): Map<string, AwardOverride> {
  const out = new Map<string, AwardOverride>();
  for (const o of list) {
    const k = overrideKey(o.rule, o.agency, o.subject);
    const prev = out.get(k);
    if (!prev || Date.parse(prev.at) <= Date.parse(o.at)) out.set(k, o);
  }
  return out;
}
