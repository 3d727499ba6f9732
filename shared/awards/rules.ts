/**
 * Checks a commendation rules document (from a JSON file or read off a sheet) against the schema
 * and the campaign it is for. Every problem names the rule (its id, or its place when it has none)
 * and the field, in words a clerk understands; a document with any problem gives no rules at all.
 */
import type * as z from 'zod';
import { CollectiveAwardRule, CommendationRules, IndividualAwardRule } from '../schema/awards.ts';
import { AgencyGroup } from '../schema/common.ts';
import { RATINGS } from '../schema/nomination.ts';
import { formatPath } from '../schema/zod-issues.ts';
import { type Issue, type IssueLocation, type IssueParams, type Result, fail, issue, ok } from '../util/issue.ts';
import { zodReason } from '../util/reason.ts';

export type RuleKind = 'collectives' | 'individuals';
export const RULE_KINDS: readonly RuleKind[] = ['collectives', 'individuals'];

/** What the rules must agree with: the campaign's classification band codes. */
export interface RulesContext {
  bands: readonly string[];
}

/**
 * Where a part of the document came from, by its path in the document (["collectives", 0,
 * "bands", 1]). The JSON locator names the rule and the field path; a sheet's names the sheet, row,
 * column and header. `place` names a rule by its position ("collectives[1]", "Tập thể, dòng 4").
 */
export interface RulesLocator {
  at(path: readonly PropertyKey[]): IssueLocation;
  place(kind: RuleKind, index: number): string;
}

/** Most problems reported for one document. */
const LIMIT = 100;

const RULE_FIELDS: Record<RuleKind, readonly string[]> = {
  collectives: Object.keys(CollectiveAwardRule.shape),
  individuals: Object.keys(IndividualAwardRule.shape),
};
const TOP_N_FIELDS = new Set(['topN', 'agencyTopN']);
const RATING_FIELDS = new Set(['ratingThisYear', 'ratingLastYear']);
const TEXT_FIELDS = new Set(['award', 'certificateWording']);

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = doc;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === 'number') v = v[p];
    else if (isRecord(v) && typeof p === 'string') v = v[p];
    else return undefined;
  }
  return v;
}

/** The rule a path goes through: its id when it has a usable one, else "collectives[0]". */
export function ruleName(doc: unknown, kind: RuleKind, index: number): string {
  const id = valueAt(doc, [kind, index, 'id']);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : `${kind}[${index}]`;
}

/** Ids used by more than one rule of the document (such a rule is then also named by its place). */
export function repeatedIds(doc: unknown): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const kind of RULE_KINDS) {
    const list = valueAt(doc, [kind]);
    if (!Array.isArray(list)) continue;
    for (const r of list) {
      const id = isRecord(r) && typeof r.id === 'string' ? r.id.trim() : '';
      if (id === '') continue;
      if (seen.has(id)) twice.add(id);
      seen.add(id);
    }
  }
  return twice;
}

/** The locator of a JSON document: the rule by id (and place, if the id repeats) and the field by its path inside the rule. */
export function jsonLocator(doc: unknown, file: string): RulesLocator {
  const twice = repeatedIds(doc);
  const place = (kind: RuleKind, index: number) => `${kind}[${index}]`;
  return {
    place,
    at: (path) => {
      const at: IssueLocation = { file };
      const [kind, index, ...rest] = path;
      if ((kind === 'collectives' || kind === 'individuals') && typeof index === 'number') {
        const name = ruleName(doc, kind, index);
        at.rule = twice.has(name) ? `${name} (${place(kind, index)})` : name;
        if (rest.length > 0) at.field = formatPath(rest);
      } else if (path.length > 0) {
        at.field = formatPath(path);
      }
      return at;
    },
  };
}

const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

/** A problem before it is placed: where in the document, the catalogue message and its parameters. */
interface Found {
  path: PropertyKey[];
  code: string;
  params?: IssueParams;
}

/** One zod issue as a clerk reads it. */
function clerkIssues(zi: z.core.$ZodIssue, doc: unknown): Found[] {
  const path = [...zi.path];
  const last = path[path.length - 1];
  const value = valueAt(doc, path);
  switch (zi.code) {
    case 'unrecognized_keys': {
      const inRule = path.length === 2 && typeof path[1] === 'number';
      const kind = path[0] as RuleKind;
      return zi.keys.map((key): Found => {
        const at = [...path, key];
        if (typeof last === 'string' && TOP_N_FIELDS.has(last)) return { path: at, code: 'awards.rules.unknown_group', params: { value: key, allowed: AgencyGroup.options.join(', ') } };
        const allowed = path.length === 0 ? RULE_KINDS : inRule ? RULE_FIELDS[kind] : typeof last === 'string' && TEXT_FIELDS.has(last) ? ['vi', 'en'] : [];
        return { path: at, code: 'awards.rules.unknown_field', params: { name: key, allowed: allowed.join(', ') } };
      });
    }
    case 'invalid_value': {
      // A missing level or rating is "required", never a value shown as “undefined”.
      if (value === undefined) return [{ path, code: 'awards.rules.required' }];
      const allowed = zi.values.map(String).join(', ');
      if (last === 'level') return [{ path, code: 'awards.rules.unknown_level', params: { value: shown(value), allowed } }];
      if (path.some((p) => typeof p === 'string' && RATING_FIELDS.has(p))) return [{ path, code: 'awards.rules.unknown_rating', params: { value: shown(value), allowed: RATINGS.join(', ') } }];
      return [{ path, code: 'awards.rules.unknown_value', params: { value: shown(value), allowed } }];
    }
    case 'invalid_type': {
      if (value === undefined) return [{ path, code: 'awards.rules.required' }];
      if (path.length === 0) return [{ path, code: 'awards.rules.not_object' }];
      if (path.length === 2) return [{ path, code: 'awards.rules.rule_not_object' }];
      const expected = zi.expected === 'int' ? 'integer' : zi.expected;
      if (typeof last === 'string' && TEXT_FIELDS.has(last)) return [{ path, code: 'awards.rules.expected_texts' }];
      if (['integer', 'number', 'boolean', 'string', 'array', 'object'].includes(expected)) return [{ path, code: `awards.rules.expected_${expected}`, params: { value: shown(value) } }];
      return [{ path, code: 'awards.rules.invalid', params: zodReason(zi) }];
    }
    case 'too_small':
    case 'too_big': {
      const small = zi.code === 'too_small';
      const limit = Number(small ? zi.minimum : zi.maximum);
      if (zi.origin === 'string') return [{ path, code: small ? 'awards.rules.required' : 'awards.rules.too_long', params: { max: limit } }];
      if (zi.origin === 'array') return [{ path, code: small ? 'awards.rules.list_empty' : 'awards.rules.too_many', params: { max: limit } }];
      const inclusive = zi.inclusive !== false;
      const code = small ? (inclusive ? 'awards.rules.below_min' : 'awards.rules.not_above') : 'awards.rules.above_max';
      return [{ path, code, params: { value: typeof value === 'number' ? value : shown(value), limit } }];
    }
    case 'invalid_format':
      if (last === 'id') return [{ path, code: 'awards.rules.bad_id', params: { value: shown(value) } }];
      return [{ path, code: 'awards.rules.invalid', params: zodReason(zi) }];
    default:
      return [{ path, code: 'awards.rules.invalid', params: zodReason(zi) }];
  }
}

/** What the schema cannot know: band codes of this campaign, ids unique across both lists. */
function crossChecks(doc: unknown, ctx: RulesContext, locate: RulesLocator): Found[] {
  const out: Found[] = [];
  const firstOf = new Map<string, string>();
  const bands = new Set(ctx.bands);
  for (const kind of RULE_KINDS) {
    const list = valueAt(doc, [kind]);
    if (!Array.isArray(list)) continue;
    list.forEach((rule: unknown, i) => {
      if (!isRecord(rule)) return;
      if (typeof rule.id === 'string' && rule.id !== '') {
        const first = firstOf.get(rule.id);
        if (first !== undefined) out.push({ path: [kind, i, 'id'], code: 'awards.rules.duplicate_id', params: { id: rule.id, first } });
        else firstOf.set(rule.id, locate.place(kind, i));
      }
      const field = kind === 'collectives' ? 'bands' : 'agencyBands';
      const codes = rule[field];
      if (!Array.isArray(codes)) return;
      codes.forEach((b: unknown, j) => {
        if (typeof b === 'string' && !bands.has(b)) out.push({ path: [kind, i, field, j], code: 'awards.rules.unknown_band', params: { value: b, bands: ctx.bands.join(', ') } });
      });
    });
  }
  return out;
}

/**
 * The rules of `doc` if it is a valid rules document for the campaign; otherwise every problem
 * (up to a hundred), each placed by `locate`. `skip` drops problems at paths already reported by
 * the reader of the document (a sheet cell it could not read), so that one mistake is told once.
 */
export function checkRules(doc: unknown, ctx: RulesContext, locate: RulesLocator, skip: (path: readonly PropertyKey[]) => boolean = () => false): Result<CommendationRules> {
  if (!isRecord(doc)) return fail([issue('awards.rules.not_object', locate.at([]))]);
  const found: Found[] = [];
  const parsed = CommendationRules.safeParse(doc);
  if (!parsed.success) for (const zi of parsed.error.issues) found.push(...clerkIssues(zi, doc));
  found.push(...crossChecks(doc, ctx, locate));
  // People read a file rule by rule: problems in the order of the rules (the fields of one rule in the schema's order).
  const place = (p: readonly PropertyKey[]): [number, number] => [p.length === 0 ? -1 : RULE_KINDS.indexOf(p[0] as RuleKind), typeof p[1] === 'number' ? p[1] : -1];
  found.sort((a, b) => {
    const [ka, ia] = place(a.path);
    const [kb, ib] = place(b.path);
    return ka - kb || ia - ib;
  });
  const issues: Issue[] = found.filter((f) => !skip(f.path)).map((f) => issue(f.code, locate.at(f.path), f.params));
  if (issues.length === 0 && parsed.success) return ok(parsed.data);
  if (issues.length === 0) return fail([issue('awards.rules.invalid', locate.at([]), parsed.error?.issues[0] ? zodReason(parsed.error.issues[0]) : { detail: 'invalid' })]);
  return fail(issues.length > LIMIT ? [...issues.slice(0, LIMIT), issue('awards.rules.too_many_problems', locate.at([]), { n: LIMIT })] : issues);
}
