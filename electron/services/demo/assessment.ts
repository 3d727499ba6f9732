import type { Agency, Assessment, EvidenceRef, IndicatorValue, ItemEntry, ItemInput, Template, TemplateItem } from '../../../shared/schema/index.ts';
import { campaignRuleDefaults } from '../../../shared/campaign/defaults.ts';
import { scoreAssessmentExact } from '../../../shared/scoring/assessment.ts';
import { type CompiledTemplate, compileTemplate } from '../../../shared/template/compile.ts';
import type { Rng } from './rng.ts';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, step: number) => Math.round(x / step) * step;
const DOC_KINDS = [
  { kind: 'KH', title: 'Kế hoạch' },
  { kind: 'BC', title: 'Báo cáo' },
  { kind: 'QĐ', title: 'Quyết định' },
  { kind: 'TB', title: 'Thông báo' },
  { kind: 'CV', title: 'Công văn' },
];
const EXPLANATIONS = [
  'Đơn vị chưa ban hành văn bản riêng; nội dung đã được lồng ghép trong Kế hoạch công tác năm.',
  'Tài liệu kiểm chứng đang được số hóa, sẽ bổ sung trong thời gian giải trình.',
  'Số liệu lấy từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh tại thời điểm chấm điểm.',
  'Đơn vị không phát sinh nhiệm vụ này trong năm đánh giá.',
];
const NOTES = [
  'Đã đối chiếu với báo cáo quý IV.',
  'Cần Sở Nội vụ hướng dẫn thêm cách tính điểm.',
  'Số liệu tính đến ngày 15/12.',
];

function input(rule: NonNullable<TemplateItem['rule']>, item: TemplateItem, q: number, rng: Rng): ItemInput | undefined {
  if (item.notApplicableAllowed && rng.chance(0.08)) return { kind: 'notApplicable' };
  const level = () => clamp01(rng.normal(q, 0.12));
  switch (rule.type) {
    case 'BINARY':
      return { kind: 'binary', value: rng.chance(clamp01(q + 0.08)) ? 'yes' : 'no' };
    case 'PERCENT_BANDS': {
      // Most agencies report full completion; the rest fall somewhere below.
      const share = rng.chance(q * 0.9) ? 1 : clamp01(0.7 + 0.3 * level() - 0.05);
      if (rng.chance(0.4)) {
        const denominator = rng.int(10, 400);
        return { kind: 'ratio', numerator: Math.round(denominator * share), denominator };
      }
      return { kind: 'percent', value: round(100 * share, 0.1) };
    }
    case 'RATIO': {
      if (rng.chance(0.05)) return { kind: 'ratio', numerator: 0, denominator: 0 };
      const denominator = rng.int(1, 60);
      return { kind: 'ratio', numerator: rng.chance(q * 0.7) ? denominator : Math.round(denominator * level()), denominator };
    }
    case 'COUNT_DEDUCT':
      return { kind: 'count', value: rng.chance(q) ? 0 : rng.int(1, 3) };
    case 'MANUAL': {
      const step = rule.step ?? 0.25;
      return { kind: 'manual', value: Math.min(item.max, round(item.max * level(), step)) };
    }
    case 'SURVEY':
      return undefined; // comes from the sociological survey, never self-scored
    case 'FORMULA': {
      const values: Record<string, number> = {};
      for (const v of rule.variables) {
        const lo = v.min ?? 0;
        const hi = v.max ?? 100;
        values[v.name] = round(lo + (hi - lo) * clamp01(0.5 + 0.5 * level()), 0.1);
      }
      return { kind: 'variables', values };
    }
  }
}

function evidence(item: TemplateItem, agency: Agency, abbr: string, year: number, rng: Rng): EvidenceRef[] {
  const n = rng.chance(0.3) ? 2 : 1;
  return Array.from({ length: n }, () => {
    const doc = rng.pick(DOC_KINDS);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const no = rng.int(5, 480);
    return {
      docNo: `${no}/${doc.kind}-${abbr}`,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      issuer: agency.name,
      title: `${doc.title} về ${item.title.vi.charAt(0).toLowerCase()}${item.title.vi.slice(1)}`,
      fileName: `${doc.kind}-${no}-${year}.pdf`.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D'),
      size: rng.int(40_000, 4_000_000),
      sha256: rng.hex(32),
    };
  });
}

/**
 * Figures of the built-in templates that are a part of another (on-time dossiers of received
 * dossiers, tasks done of tasks set …), so the demo never declares more done than there was.
 */
const PARTS: readonly [string, string, (q: number, rng: Rng) => number][] = [
  ['KK15', 'KK14', (q, rng) => 0.85 + 0.15 * clamp01(rng.normal(q, 0.1))],
  ['KK18', 'KK19', (q, rng) => 0.7 + 0.3 * clamp01(rng.normal(q, 0.1))],
  ['KK06', 'KK05', (_q, rng) => 0.05 + 0.2 * rng.float()],
  ['KK03', 'KK02', (_q, rng) => 0.02 + 0.06 * rng.float()],
  ['KK04', 'KK02', (_q, rng) => 0.01 + 0.04 * rng.float()],
];

/** Scale of a declared figure by group: a department drafts more legal documents than a commune. */
const SCALE = { department: 1, district: 1.4, commune: 0.2 } as const;

/** The procedure set of a level (thủ tục hành chính cấp huyện, cấp xã), as a province publishes it. */
const SHARED_PROCEDURES: Partial<Record<Agency['group'], number>> = { district: 289, commune: 112 };

function indicatorValue(ind: Template['indicators'][number], agency: Agency, q: number, rng: Rng): IndicatorValue {
  if (ind.type === 'boolean') return rng.chance(clamp01(q + 0.12));
  if (ind.type === 'text') return rng.chance(0.5) ? 'Đã triển khai theo kế hoạch.' : null;
  const s = SCALE[agency.group];
  if (ind.unit === '%') return round(100 * clamp01(0.6 + 0.4 * clamp01(rng.normal(q, 0.1))), 0.1);
  const title = ind.title.vi.toLowerCase();
  if (title.includes('hồ sơ')) return Math.round(rng.int(300, 6000) * (agency.group === 'commune' ? 0.4 : s) * (title.includes('đúng hạn') ? q : 1));
  if (title.includes('thủ tục')) {
    const v = Math.round(rng.int(20, 160) * (agency.group === 'commune' ? 0.8 : s));
    // One procedure set for the whole level (SHARED): every agency declares it, a rare one another
    // number (the draw above is kept, so the rest of the demo stays as it was for the same seed).
    if (ind.aggregate === 'SHARED') return (SHARED_PROCEDURES[agency.group] ?? 100) - (v % 41 === 0 ? 2 : 0);
    return v;
  }
  return Math.max(0, Math.round(rng.int(0, 14) * s));
}

const compiled = new WeakMap<Template, CompiledTemplate>();
const ISO_STEP_FIGURES = new Set(Object.values(campaignRuleDefaults().isoIndicators ?? {}));

/**
 * A yes/no figure tied to an item says what the item's score says (yes with no points, or no with
 * full points, is what consolidation reports): the demo's agencies mostly agree with themselves,
 * about one in twenty does not, so the check has something to show. No random draw is used.
 */
function agreeWithItems(template: Template, agency: Agency, items: Record<string, ItemEntry>, indicators: Record<string, IndicatorValue>): void {
  // The ISO 9001 steps (KK10–KK12) are left as drawn: the ISO summary's own demo shows their gaps.
  const tied = template.indicators.filter(
    (d) => d.type === 'boolean' && d.item !== undefined && !ISO_STEP_FIGURES.has(d.code) && (d.itemTemplate === undefined || d.itemTemplate === template.id),
  );
  if (tied.length === 0) return;
  let ct = compiled.get(template);
  if (!ct) {
    ct = compileTemplate(template);
    compiled.set(template, ct);
  }
  const keepOdd = [...agency.code].reduce((s, ch) => s + ch.charCodeAt(0), 0) % 20 === 0;
  if (keepOdd) return;
  const tree = scoreAssessmentExact(ct, { items }).exact;
  for (const d of tied) {
    const idx = ct.index.get(d.item!);
    const v = indicators[d.code];
    if (idx === undefined || typeof v !== 'boolean') continue;
    const state = tree.state[idx];
    if (state === 'unanswered' || state === 'notApplicable' || tree.effectiveMax[idx]! <= 0) continue;
    if (v && tree.score[idx]! <= 0) indicators[d.code] = false;
    else if (!v && tree.score[idx]! >= tree.effectiveMax[idx]!) indicators[d.code] = true;
  }
}

/** A realistic self-assessment for one agency: inputs, evidence or explanations, notes, declared figures. */
export function demoAssessment(opts: {
  template: Template;
  agency: Agency;
  abbr: string;
  campaign: string;
  year: number;
  quality: number;
  rng: Rng;
  updatedAt: string;
}): Assessment {
  const { template, agency, rng, quality: q } = opts;
  const items: Record<string, ItemEntry> = {};
  const draft = rng.chance(0.1);
  for (const item of template.items) {
    if (!item.rule) continue;
    if (draft && rng.chance(0.15)) continue; // an unfinished draft leaves a few items open
    const inp = input(item.rule, item, q, rng);
    if (!inp) continue;
    const entry: ItemEntry = { input: inp, selfScore: null, evidence: [] };
    if (inp.kind !== 'notApplicable' && rng.chance(0.82)) entry.evidence = evidence(item, agency, opts.abbr, opts.year, rng);
    else entry.explanation = rng.pick(EXPLANATIONS);
    if (rng.chance(0.06)) entry.note = rng.pick(NOTES);
    items[item.code] = entry;
  }
  const indicators: Record<string, IndicatorValue> = {};
  for (const ind of template.indicators) indicators[ind.code] = indicatorValue(ind, agency, q, rng);
  for (const [part, whole, share] of PARTS) {
    const w = indicators[whole];
    if (typeof w === 'number' && typeof indicators[part] === 'number') indicators[part] = Math.round(w * Math.min(1, share(q, rng)));
  }
  agreeWithItems(template, agency, items, indicators);
  const bonus: Assessment['bonus'] = {};
  const first = template.bonus.items[0];
  if (first && rng.chance(0.15 * q)) bonus[first.code] = { points: Math.min(first.max, 0.5), note: 'Mô hình CCHC được UBND tỉnh công nhận.' };
  return {
    kind: 'parscore.assessment',
    schemaVersion: 2,
    additional: {},
    agency: agency.code,
    campaign: opts.campaign,
    template: { id: template.id, version: template.version },
    revision: 1,
    items,
    indicators,
    bonus,
    penalty: {},
    updatedAt: opts.updatedAt,
  };
}
