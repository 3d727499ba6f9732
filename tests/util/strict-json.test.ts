import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../shared/i18n/index.ts';
import { AssessmentDoc, Code } from '../../shared/schema/index.ts';
import { parseStrictJson } from '../../shared/util/strict-json.ts';

describe('parseStrictJson', () => {
  it('reads what JSON.parse reads, a byte-order mark ignored', () => {
    const text = '\uFEFF{"a": [1, {"b": "x,\\"}{"}], "c": {"a": null}, "d": "\\u00e9"}';
    const r = parseStrictJson(text, 'x.json');
    expect(r).toEqual({ ok: true, value: { a: [1, { b: 'x,"}{' }], c: { a: null }, d: 'é' } });
    expect(parseStrictJson('42', 'n.json')).toEqual({ ok: true, value: 42 });
  });

  it('refuses a key given twice, at any depth, naming the file and the path', () => {
    const r = parseStrictJson('{"items": {"1.2": {"score": 1}, "1.3": [{"a": 1, "b": 2, "a": 3}]}}', 'S01.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual([{ code: 'doc.duplicate_key', at: { file: 'S01.json', field: 'items.1.3[0].a' }, params: { key: 'a', path: 'items.1.3[0].a' } }]);
    expect(formatIssue('vi', r.error[0]!)).toBe(
      'tệp S01.json · trường items.1.3[0].a: Khóa “a” xuất hiện hai lần trong cùng một đối tượng (tại items.1.3[0].a); tệp không được đọc để tránh hiểu sai nội dung.',
    );
    // Spelled differently (an escape), still the same key.
    const escaped = parseStrictJson('{"score": 1, "sc\\u006fre": 2}', 'a.json');
    expect(escaped.ok ? null : escaped.error[0]?.code).toBe('doc.duplicate_key');
    // Equal keys in different objects are fine.
    expect(parseStrictJson('{"a": {"x": 1}, "b": {"x": 1}, "x": [{"x": 1}, {"x": 2}]}', 'ok.json').ok).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'prototype', '\\u005f_proto__'])('refuses the prototype-name key %s', (key) => {
    const r = parseStrictJson(`{"items": {"1": {}, "${key}": {"score": 1}}}`, 'S02.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({ code: 'doc.prototype_key', at: { file: 'S02.json' } });
    expect(r.error[0]?.params?.path).toMatch(/^items\.(__proto__|constructor|prototype)$/);
  });

  it('refuses text that is not JSON with the file named', () => {
    const r = parseStrictJson('{"a": 1,', 'bad.json');
    expect(r.ok ? null : r.error[0]).toMatchObject({ code: 'doc.not_json', at: { file: 'bad.json' } });
  });
});

describe('item codes that are prototype names', () => {
  const assessment = (items: string) =>
    `{"kind": "parscore.assessment", "schemaVersion": 2, "agency": "S01", "template": {"id": "par-so", "version": 1}, "items": ${items}, "updatedAt": "2025-01-01T00:00:00Z"}`;

  it('an item coded __proto__ in a document parsed by JSON.parse is refused, not dropped', () => {
    const raw: unknown = JSON.parse(assessment('{"__proto__": {"selfScore": 1}, "1.1": {}}'));
    const r = AssessmentDoc.parse(raw, 'S01.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({ code: 'doc.prototype_key', at: { file: 'S01.json', field: 'items.__proto__' } });
  });

  it.each(['constructor', 'prototype'])('the code %s is refused', (code) => {
    expect(Code.safeParse(code).success).toBe(false);
    expect(AssessmentDoc.parse(JSON.parse(assessment(`{"${code}": {}}`)), 'S01.json').ok).toBe(false);
    expect(Code.safeParse('TH1').success).toBe(true);
  });
});
