import { describe, expect, it } from 'vitest';
import { hyperlinkCell, isKitHyperlink, MAX_CELL_CHARS, safeSheetName, toCellValue } from '../../../electron/services/reports/kit/cell.ts';

describe('toCellValue', () => {
  it('keeps numbers, booleans and valid dates, and empties null and undefined', () => {
    expect(toCellValue(8.5)).toBe(8.5);
    expect(toCellValue(-5)).toBe(-5);
    expect(toCellValue(0)).toBe(0);
    expect(toCellValue(true)).toBe(true);
    expect(toCellValue(false)).toBe(false);
    const d = new Date(Date.UTC(2025, 0, 31));
    expect(toCellValue(d)).toBe(d);
    expect(toCellValue(null)).toBeNull();
    expect(toCellValue(undefined)).toBeNull();
  });

  it('empties numbers that are not finite', () => {
    expect(toCellValue(Number.NaN)).toBeNull();
    expect(toCellValue(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toCellValue(Number.NEGATIVE_INFINITY)).toBeNull();
  });

  it.each(['=', '+', '-', '@', '\t', '\n'])('neutralises text starting with %j', (c) => {
    const v = toCellValue(`${c}1+1`);
    expect(v).toBe(`'${c}1+1`);
  });

  it('neutralises text starting with CR, line breaks becoming LF', () => {
    expect(toCellValue('\r1+1')).toBe("'\n1+1");
    expect(toCellValue('\r\n=1+1')).toBe("'\n=1+1");
    expect(toCellValue('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('leaves other text alone (the trigger only counts as the first character)', () => {
    expect(toCellValue('Sở Tư pháp')).toBe('Sở Tư pháp');
    expect(toCellValue('a=1')).toBe('a=1');
    expect(toCellValue("'quoted")).toBe("'quoted");
    expect(toCellValue('')).toBe('');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Nội vụ'.normalize('NFD');
    expect(decomposed).not.toBe('Nội vụ');
    expect(toCellValue(decomposed)).toBe('Nội vụ');
  });

  it('removes lone surrogates and characters XML cannot hold, keeping real astral characters', () => {
    expect(toCellValue('a\uD800b\uDC00c')).toBe('abc');
    expect(toCellValue('x\u0000y\u0001z\u000B\uFFFE\uFFFF')).toBe('xyz');
    expect(toCellValue('ok 😀')).toBe('ok 😀');
    // A removed character does not let a trigger through.
    expect(toCellValue('\u0000=1+1')).toBe("'=1+1");
  });

  it('truncates to 32,767 characters ending with an ellipsis', () => {
    const v = toCellValue('x'.repeat(40000));
    expect(typeof v).toBe('string');
    expect((v as string).length).toBe(MAX_CELL_CHARS);
    expect((v as string).endsWith('…')).toBe(true);
    const f = toCellValue('='.repeat(40000)) as string;
    expect(f.length).toBe(MAX_CELL_CHARS);
    expect(f.startsWith("'=")).toBe(true);
    // A surrogate pair is never cut in half.
    const astral = toCellValue('😀'.repeat(20000)) as string;
    expect(astral.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(astral).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('never returns an object: formulas, hyperlinks and rich text from data become strings', () => {
    const samples: unknown[] = [
      { formula: '1+1' },
      { sharedFormula: 'A1' },
      { text: 'x', hyperlink: 'file:///etc/passwd' },
      { richText: [{ text: 'x' }] },
      [1, 2],
      Object.create(null),
      10n,
      Symbol('s'),
      () => 1,
      new Date(Number.NaN),
    ];
    for (const s of samples) {
      const v = toCellValue(s);
      expect(typeof v).toBe('string');
    }
    expect(toCellValue({ formula: '1+1' })).toBe('[object Object]');
  });
});

describe('hyperlinkCell', () => {
  it('links https, http and mailto addresses', () => {
    const a = hyperlinkCell('Cổng dịch vụ công', 'https://dichvucong.gov.vn/p/home');
    expect(a).toEqual({ text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn/p/home' });
    expect(isKitHyperlink(a)).toBe(true);
    expect(hyperlinkCell('web', 'http://example.org')).toEqual({ text: 'web', hyperlink: 'http://example.org/' });
    expect(hyperlinkCell('thư', 'mailto:snv@example.gov.vn')).toEqual({ text: 'thư', hyperlink: 'mailto:snv@example.gov.vn' });
  });

  it('refuses other schemes and garbage, giving the plain text', () => {
    expect(hyperlinkCell('x', 'javascript:alert(1)')).toBe('x');
    expect(hyperlinkCell('x', 'file:///etc/passwd')).toBe('x');
    expect(hyperlinkCell('x', 'data:text/html,hi')).toBe('x');
    expect(hyperlinkCell('x', 'not a url')).toBe('x');
    expect(hyperlinkCell('=cmd', 'javascript:x')).toBe("'=cmd");
  });

  it('cleans the link text, and a look-alike object from data is not a kit hyperlink', () => {
    expect(hyperlinkCell('=HYPERLINK("x")', 'https://a.example')).toEqual({ text: '\'=HYPERLINK("x")', hyperlink: 'https://a.example/' });
    expect(isKitHyperlink({ text: 'x', hyperlink: 'https://a.example/' })).toBe(false);
  });
});

describe('safeSheetName', () => {
  it('makes a legal name', () => {
    const taken = new Set<string>();
    const name = safeSheetName('Xếp hạng [Sở]/2024*', taken);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).toContain('Xếp hạng');
    expect(name).toContain('2024');
    expect(taken.has(name)).toBe(true);
  });

  it('truncates long names to 31 characters', () => {
    const name = safeSheetName('Tổng hợp kết quả chấm điểm của các sở ngành', new Set());
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.startsWith('Tổng hợp')).toBe(true);
    expect(safeSheetName('a'.repeat(40), new Set())).toBe('a'.repeat(31));
  });

  it('suffixes duplicates within the limit (case-insensitively)', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Sở', taken)).toBe('Sở');
    expect(safeSheetName('Sở', taken)).toBe('Sở (2)');
    expect(safeSheetName('sở', taken)).toBe('sở (3)');
    const long = 'b'.repeat(40);
    const first = safeSheetName(long, taken);
    const second = safeSheetName(long, taken);
    expect(second).toBe(`${'b'.repeat(27)} (2)`);
    expect(second.length).toBe(31);
    expect(first).not.toBe(second);
  });

  it('never starts or ends with an apostrophe, is never empty, avoids "History"', () => {
    const taken = new Set<string>();
    const a = safeSheetName("'Báo cáo'", taken);
    expect(a.startsWith("'")).toBe(false);
    expect(a.endsWith("'")).toBe(false);
    expect(safeSheetName('', taken).length).toBeGreaterThan(0);
    expect(safeSheetName('[]/*', taken).length).toBeGreaterThan(0);
    expect(safeSheetName("'''", taken).length).toBeGreaterThan(0);
    expect(safeSheetName('History', taken).toLowerCase()).not.toBe('history');
  });
});
