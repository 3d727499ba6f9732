import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignDeadlines, CampaignRules } from '../../shared/campaign/setup.ts';
import { campaignRuleDefaults } from '../../shared/campaign/defaults.ts';
import { hasMessage, t } from '../../shared/i18n/index.ts';
import { campaignUi as en } from '../../shared/i18n/en/campaign-ui.ts';
import { campaignUi as vi } from '../../shared/i18n/vi/campaign-ui.ts';
import type { Campaign } from '../../shared/schema/index.ts';
import { basicsSchema, deadlinesOf, deadlinesSchema, errorMap, isoOfTyped, issuerSchema, rulesOf, rulesSchema } from '../../renderer/src/features/campaign/forms.ts';

const say = (k: string, p?: Record<string, string | number>) => t('vi', k, p);
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('the campaign steps’ forms, checked by the service’s schemas', () => {
  it('year and province: errors in words at their field', () => {
    const error = errorMap(say, (p) => say(`campaignui.basics.${String(p[0])}`));
    const bad = basicsSchema.safeParse({ year: 'hai nghìn', title: '', province: ' ', model: 'two-tier' }, { error });
    expect(messages(bad)).toEqual({ year: 'Năm đánh giá không hợp lệ', province: 'Hãy nhập tỉnh' });
    expect(basicsSchema.parse({ year: '2026', title: '', province: 'Minh Sơn', model: 'three-tier' })).toEqual({ year: 2026, title: '', province: 'Minh Sơn', model: 'three-tier' });
  });

  it('deadlines typed dd/mm/yyyy become the campaign’s dates; an empty one is none, a wrong one said at its field', () => {
    expect(isoOfTyped('5/1/2027')).toBe('2027-01-05');
    expect(isoOfTyped(' ')).toBeUndefined();
    const ok = deadlinesSchema.parse({ selfAssessment: '15/12/2026', appraisal1: '', explanation: '', appraisal2: '31/03/2027' });
    expect(CampaignDeadlines.parse(ok)).toEqual({ selfAssessment: '2026-12-15', appraisal2: '2027-03-31' });
    const error = errorMap(say, (p) => say(`campaignui.deadline.${String(p[0])}`));
    const bad = deadlinesSchema.safeParse({ selfAssessment: '15/13/2026', appraisal1: 'mai', explanation: '', appraisal2: '' }, { error });
    expect(messages(bad)).toEqual({
      selfAssessment: 'Hạn tự đánh giá, gửi hồ sơ: ngày không hợp lệ, hãy nhập dạng ngày/tháng/năm (ví dụ 31/03/2027)',
      appraisal1: 'Hạn thẩm định lần 1: ngày không hợp lệ, hãy nhập dạng ngày/tháng/năm (ví dụ 31/03/2027)',
    });
    expect(deadlinesOf({ deadlines: { selfAssessment: '2026-12-15' } } as Campaign)).toMatchObject({ selfAssessment: '15/12/2026', appraisal1: '' });
  });

  it('the rules form starts from the defaults and reads back to them; a comma decimal is a number', () => {
    const c = { ...campaignRuleDefaults() } as Campaign;
    const form = rulesOf(c);
    expect(form.bands.map((b) => b.minIndex)).toEqual(['90', '80', '70', '50', '0']);
    const back = rulesSchema.parse(form);
    expect(CampaignRules.parse(back)).toEqual({ bands: c.bands, tieBreaks: c.tieBreaks, late: c.late, surveyScale: c.surveyScale });
    const penalty = rulesSchema.parse({ ...form, lateMode: 'penalty', penaltyPoints: '1,5' });
    expect(penalty.late).toEqual({ mode: 'penalty', penaltyPoints: 1.5 });
    expect(rulesSchema.safeParse({ ...form, bands: [{ ...form.bands[0]!, minIndex: 'chín mươi' }] }).success).toBe(false);
  });

  it('recipients one per line; none typed leaves the usual ones', () => {
    const issuer = { parentBody: 'UBND TỈNH MINH SƠN', body: 'SỞ NỘI VỤ', place: 'Minh Sơn', signerTitle: 'GIÁM ĐỐC', signerName: 'Trần Thị Thu Hà' };
    expect(issuerSchema.parse({ ...issuer, recipients: ' Bộ Nội vụ \n\nLưu: VT ' })).toEqual({ ...issuer, recipients: ['Bộ Nội vụ', 'Lưu: VT'] });
    expect(issuerSchema.parse({ ...issuer, recipients: '  ' })).toEqual(issuer);
  });
});

describe('the campaign set-up speaks through its catalogue', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('every key its sources name exists; English has the same placeholders; Vietnamese has its diacritics', () => {
    const repo = join(import.meta.dirname, '..', '..');
    const dirs = [join(repo, 'renderer/src/features/campaign'), join(repo, 'electron/services/campaign-setup')];
    const sources = [...dirs.flatMap((d) => readdirSync(d).map((n) => join(d, n))), join(repo, 'electron/main/handlers/campaign.ts'), join(repo, 'electron/cli/commands/campaign.ts')];
    const keys = new Set<string>();
    for (const f of sources) for (const m of readFileSync(f, 'utf8').matchAll(/'(campaignui\.[\w.-]+)'/g)) keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((k) => !hasMessage(k))).toEqual([]);
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, text] of Object.entries(vi)) expect(placeholders(en[k as keyof typeof vi]), k).toEqual(placeholders(text));
    for (const [k, text] of Object.entries(vi)) if (text.split(' ').length >= 4) expect(/[\u00c0-\u1ef9]/.test(text), k).toBe(true);
  });
});
