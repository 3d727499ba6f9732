import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { TemplateInput } from '../../shared/schema/template.ts';
import { parseTemplate } from '../../shared/template/parse.ts';
import { bands, binary, buildTemplate, group, leaf } from '../helpers/template-builder.ts';

/** A template as it would be read from JSON (plain data, not yet parsed). */
function rawTemplate(patch: Partial<TemplateInput> = {}): Record<string, unknown> {
  const t = buildTemplate([group('1', null, 10), leaf('1.1', '1', 4, binary()), leaf('1.2', '1', 6, bands([100, 6], [80, 3]))], { id: 'par-so-2025' });
  return { ...(JSON.parse(JSON.stringify(t)) as Record<string, unknown>), ...patch };
}

describe('parseTemplate', () => {
  it('reads a sound template', () => {
    const r = parseTemplate(rawTemplate(), 'par-so-2025.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.items.map((i) => i.code)).toEqual(['1', '1.1', '1.2']);
  });

  it('fills schema defaults (survey, notApplicableAllowed, zeroDenominator)', () => {
    const raw = rawTemplate();
    const items = raw.items as Record<string, unknown>[];
    items.push({ code: '2', parent: null, title: { vi: 'Hai' }, max: 1, rule: { type: 'RATIO' } });
    raw.maxPoints = 11;
    for (const it of items) {
      delete it.survey;
      delete it.notApplicableAllowed;
    }
    const r = parseTemplate(raw);
    expect(r.ok && r.value.items[3]).toMatchObject({ survey: false, notApplicableAllowed: false, rule: { type: 'RATIO', zeroDenominator: 'FULL' } });
  });

  it('names the file and the template on schema errors', () => {
    const raw = rawTemplate();
    (raw.items as Record<string, unknown>[])[1]!.max = -1;
    const r = parseTemplate(raw, 'bad.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]).toMatchObject({ code: 'doc.schema', at: { file: 'bad.json', template: 'par-so-2025', item: '1.1', field: 'max' } });
      expect(formatIssue('vi', r.error[0]!)).toContain('tệp bad.json');
    }
  });

  it('names the file and the template on structural errors', () => {
    const raw = rawTemplate({ maxPoints: 12 });
    const r = parseTemplate(raw, 'x.json');
    expect(!r.ok && r.error).toEqual([
      { code: 'template.roots_max_mismatch', at: { template: 'par-so-2025', field: 'maxPoints', file: 'x.json' }, params: { sum: 10, maxPoints: 12 } },
    ]);
  });

  it('refuses something that is not a template, with the file named', () => {
    const r = parseTemplate({ kind: 'parscore.campaign', schemaVersion: 1 }, 'c.json');
    expect(!r.ok && r.error[0]).toMatchObject({ code: 'doc.wrong_kind', at: { file: 'c.json' } });
    const n = parseTemplate(null);
    expect(!n.ok && n.error[0]?.code).toBe('doc.not_object');
  });

  it('leaves out the template when the id is not readable', () => {
    const r = parseTemplate(rawTemplate({ id: 42 as unknown as string }), 'y.json');
    expect(r.ok).toBe(false);
    if (!r.ok) for (const i of r.error) expect(i.at?.template).toBeUndefined();
  });
});
