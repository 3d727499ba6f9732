/**
 * The "Tham số" (parameters) cell of a leaf: one small, typable syntax per rule type.
 *
 *   BINARY, SURVEY   (empty)
 *   PERCENT_BANDS    100: 3; 80: 1,5; 0: 0          percent: points, highest first; ";" or line breaks
 *                                                   between bands; "≥ 80 %: 1,5" and "80 → 1,5" also read
 *   RATIO            mẫu số 0: đủ điểm | 0 điểm | không áp dụng   (zero denominator: full | zero | not applicable;
 *                                                   empty = đủ điểm)
 *   COUNT_DEDUCT     mỗi lần: 0,5                    (per count: 0.5; the bare number is read too)
 *   MANUAL           bước: 0,25 or empty             (step: 0.25)
 *   FORMULA          first line the expression, then one variable per line:
 *                      3 * d766 / 100
 *                      d766 = Điểm Chỉ số 766 | 766 index score [0..100]
 *                    (on a single line the parts are separated by ";"). In labels, \| \[ \\ and \n
 *                    stand for | [ \ and a line break; the writer escapes only what would be misread.
 *
 * Numbers take a decimal comma or point. Everything is written so that reading it gives back the
 * same rule (identity), and read leniently from what a person types.
 */
import type { Lang } from '../../../shared/i18n/index.ts';
import type { FormulaVariable, Rule, RuleType } from '../../../shared/schema/index.ts';
import { formatNumberText, fold, parseNumberText, SNUMBER, UNUMBER } from './text.ts';
import { PARAM_KEYS, type ParamKey, ZERO_DENOMINATOR } from './vocab.ts';

/** A problem in a parameter cell: a message key and its parameters (the caller adds the location). */
export interface ParamProblem {
  code: string;
  params?: Record<string, string | number>;
}

export type ParamResult = { ok: true; rule: Rule } | { ok: false; problems: ParamProblem[] };

const bad = (code: string, params?: Record<string, string | number>): ParamResult => ({
  ok: false,
  problems: [params ? { code, params } : { code }],
});

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────

export function formatRuleParams(rule: Rule, lang: Lang): string {
  const num = (n: number) => formatNumberText(n, lang);
  const key = (k: ParamKey) => PARAM_KEYS.word(k, lang);
  switch (rule.type) {
    case 'BINARY':
    case 'SURVEY':
      return '';
    case 'PERCENT_BANDS':
      return rule.bands.map((b) => `${num(b.min)}: ${num(b.points)}`).join('; ');
    case 'RATIO':
      return `${key('zeroDenominator')}: ${ZERO_DENOMINATOR.word(rule.zeroDenominator, lang)}`;
    case 'COUNT_DEDUCT':
      return `${key('perCount')}: ${num(rule.perCount)}`;
    case 'MANUAL':
      return rule.step === undefined ? '' : `${key('step')}: ${num(rule.step)}`;
    case 'FORMULA':
      return [escapeExpression(rule.expression), ...rule.variables.map((v) => formatVariable(v, lang))].join('\n');
  }
}

function formatVariable(v: FormulaVariable, lang: Lang): string {
  let label = escapeLabel(v.label.vi);
  if (v.label.en !== undefined) label += ` | ${escapeLabel(v.label.en)}`;
  let range = '';
  if (v.min !== undefined || v.max !== undefined) {
    range = ` [${v.min === undefined ? '' : formatNumberText(v.min, lang)}..${v.max === undefined ? '' : formatNumberText(v.max, lang)}]`;
  }
  return `${v.name} = ${label}${range}`;
}

function escapeBasic(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

function escapeExpression(s: string): string {
  return escapeBasic(s);
}

function escapeLabel(s: string): string {
  let out = escapeBasic(s).replace(/\|/g, '\\|');
  // A label ending in "]" could be misread as a range: escape its brackets.
  if (out.endsWith(']')) out = out.replace(/\[/g, '\\[');
  return out;
}

/** Undoes the escapes: \\ \| \[ \] \; \n \r. Any other backslash is kept as typed. */
function unescape(s: string): string {
  return s.replace(/\\([\\|[\];nr])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

/** Parts of a list cell: split on line breaks and semicolons, blanks dropped. */
function parts(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const BAND_RE = new RegExp(
  String.raw`^(?:>=|≥)?\s*(${UNUMBER})\s*%?\s*(?::|→|->|=>)\s*(${UNUMBER})\s*(?:điểm|đ|points?|pts?)?$`,
  'iu',
);

/** "key: value" or a bare value; the key is matched in either language or as the internal name. */
function keyValue(part: string): { key: ParamKey | null | undefined; value: string } {
  const m = /^([^:]*?)\s*:\s*(.*)$/u.exec(part);
  if (!m) return { key: null, value: part };
  const key = PARAM_KEYS.read(m[1] ?? '');
  return { key, value: (m[2] ?? '').trim() };
}

/**
 * Reads the parameter cell for a rule type. `text` is the trimmed cell text ('' when empty).
 * Problems name what was expected; values are checked further by the template schema.
 */
export function parseRuleParams(type: RuleType, text: string): ParamResult {
  const ps = parts(text);
  switch (type) {
    case 'BINARY':
    case 'SURVEY':
      return ps.length === 0 ? { ok: true, rule: { type } } : bad('xlsx.param.none_expected', { value: text });

    case 'PERCENT_BANDS': {
      if (ps.length === 0) return bad('xlsx.param.bands_empty');
      const bands: { min: number; points: number }[] = [];
      const problems: ParamProblem[] = [];
      for (const p of ps) {
        const m = BAND_RE.exec(p);
        const min = m ? parseNumberText(m[1] ?? '') : null;
        const points = m ? parseNumberText(m[2] ?? '') : null;
        if (min === null || points === null) problems.push({ code: 'xlsx.param.bands_syntax', params: { part: p } });
        else bands.push({ min, points });
      }
      return problems.length ? { ok: false, problems } : { ok: true, rule: { type, bands } };
    }

    case 'RATIO': {
      if (ps.length === 0) return { ok: true, rule: { type, zeroDenominator: 'FULL' } };
      const [p, ...rest] = ps;
      if (p === undefined || rest.length > 0) return bad('xlsx.param.ratio_syntax', { part: text });
      const kv = keyValue(p);
      const value = kv.key === 'zeroDenominator' ? ZERO_DENOMINATOR.read(kv.value) : kv.key === null ? ZERO_DENOMINATOR.read(p) : undefined;
      return value ? { ok: true, rule: { type, zeroDenominator: value } } : bad('xlsx.param.ratio_syntax', { part: p });
    }

    case 'COUNT_DEDUCT': {
      if (ps.length === 0) return bad('xlsx.param.per_count_missing');
      const [p, ...rest] = ps;
      if (p === undefined || rest.length > 0) return bad('xlsx.param.per_count_syntax', { part: text });
      const kv = keyValue(p);
      const n = kv.key === 'perCount' || kv.key === null ? parseNumberText(kv.value) : null;
      return n === null ? bad('xlsx.param.per_count_syntax', { part: p }) : { ok: true, rule: { type, perCount: n } };
    }

    case 'MANUAL': {
      if (ps.length === 0) return { ok: true, rule: { type } };
      const [p, ...rest] = ps;
      if (p === undefined || rest.length > 0) return bad('xlsx.param.step_syntax', { part: text });
      const kv = keyValue(p);
      const n = kv.key === 'step' || kv.key === null ? parseNumberText(kv.value) : null;
      return n === null ? bad('xlsx.param.step_syntax', { part: p }) : { ok: true, rule: { type, step: n } };
    }

    case 'FORMULA':
      return parseFormulaParams(text);
  }
}

const VARIABLE_RE = /^([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*(.*)$/su;
const RANGE_RE = new RegExp(String.raw`^\s*(${SNUMBER})?\s*(?:\.\.|…|–|—)\s*(${SNUMBER})?\s*$`, 'u');

function parseFormulaParams(text: string): ParamResult {
  // Written form: one part per line. Typed on a single line: parts separated by ";".
  const lines = (/[\n\r]/.test(text) ? text.split(/\r?\n|\r/) : text.split(';')).map((l) => l.trim()).filter((l) => l !== '');
  const [first, ...rest] = lines;
  if (first === undefined) return bad('xlsx.param.formula_empty');
  const expression = unescape(first);
  if (rest.length === 0) return bad('xlsx.param.formula_no_variables');
  const variables: FormulaVariable[] = [];
  const problems: ParamProblem[] = [];
  for (const line of rest) {
    const v = parseVariable(line);
    if (v) variables.push(v);
    else problems.push({ code: 'xlsx.param.formula_variable', params: { part: line } });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, rule: { type: 'FORMULA', expression, variables } };
}

/** `name = label vi | label en [min..max]`, with escapes in the labels. */
function parseVariable(line: string): FormulaVariable | null {
  const m = VARIABLE_RE.exec(line);
  if (!m) return null;
  const name = m[1] ?? '';
  let body = (m[2] ?? '').trim();

  // A trailing, unescaped [a..b] is the range; any other bracket text belongs to the label.
  let min: number | undefined;
  let max: number | undefined;
  if (body.endsWith(']') && !isEscaped(body, body.length - 1)) {
    const open = lastUnescaped(body, '[');
    if (open >= 0) {
      const r = RANGE_RE.exec(body.slice(open + 1, -1));
      if (r) {
        const lo = r[1] === undefined ? undefined : parseNumberText(r[1]);
        const hi = r[2] === undefined ? undefined : parseNumberText(r[2]);
        if (lo === null || hi === null) return null;
        min = lo;
        max = hi;
        body = body.slice(0, open).trim();
      }
    }
  }

  const bar = firstUnescaped(body, '|');
  const vi = unescape(bar >= 0 ? body.slice(0, bar) : body).trim();
  const en = bar >= 0 ? unescape(body.slice(bar + 1)).trim() : '';
  if (vi === '' || fold(vi) === '') return null;
  const v: FormulaVariable = { name, label: en === '' ? { vi } : { vi, en } };
  if (min !== undefined) v.min = min;
  if (max !== undefined) v.max = max;
  return v;
}

/** True when the character at `i` is preceded by an odd number of backslashes. */
function isEscaped(s: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

function firstUnescaped(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) if (s[i] === ch && !isEscaped(s, i)) return i;
  return -1;
}

function lastUnescaped(s: string, ch: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (s[i] === ch && !isEscaped(s, i)) return i;
  return -1;
}
