import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, type Edit, type Words, describe as describeEdit, inputText, nextRedo, nextUndo, record, redone, reverted, undone } from '../../renderer/src/features/agency/history.ts';

const words: Words = {
  yes: 'Có',
  no: 'Không',
  notApplicable: 'Không áp dụng',
  empty: '(trống)',
  number: (n) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 }).format(n),
  explanation: (item) => `${item}: giải trình`,
  evidence: (item, i) => `${item}: chi tiết tài liệu ${i}`,
};
const yes = { kind: 'binary', value: 'yes' } as const;
const no = { kind: 'binary', value: 'no' } as const;
const answer = (item: string, before: Edit['before'], after: Edit['after'], set: string | null = null) => ({ set, item, kind: 'input', before, after }) as Edit;

describe('undo history of the agency screen', () => {
  it('undoes the latest edit first, then redoes it; a new edit forgets what was undone', () => {
    let h = record(EMPTY_HISTORY, answer('1.1.1', null, yes));
    h = record(h, answer('1.1.2', yes, no));
    expect(nextUndo(h)).toMatchObject({ item: '1.1.2' });
    // Undoing saves the value before the edit.
    expect(reverted(nextUndo(h)!)).toMatchObject({ item: '1.1.2', before: no, after: yes });
    h = undone(h);
    expect(nextUndo(h)).toMatchObject({ item: '1.1.1' });
    expect(nextRedo(h)).toMatchObject({ item: '1.1.2', after: no });
    h = redone(h);
    expect(nextRedo(h)).toBeNull();
    expect(nextUndo(h)).toMatchObject({ item: '1.1.2' });
    h = undone(undone(h));
    expect(nextUndo(h)).toBeNull();
    expect(undone(h)).toBe(h);
    h = record(h, answer('2.1', null, { kind: 'count', value: 3 }));
    expect(nextRedo(h)).toBeNull();
    expect(h.past).toHaveLength(1);
  });

  it('does not record an edit that changed nothing (whatever the key order)', () => {
    const h = record(EMPTY_HISTORY, answer('1.3', { kind: 'ratio', numerator: 1, denominator: 2 }, { denominator: 2, numerator: 1, kind: 'ratio' } as const));
    expect(h).toBe(EMPTY_HISTORY);
    expect(record(EMPTY_HISTORY, { set: null, item: '1.3', kind: 'explanation', before: 'a', after: 'a' })).toBe(EMPTY_HISTORY);
    expect(record(EMPTY_HISTORY, { set: null, item: '1.3', kind: 'explanation', before: 'a', after: 'b' }).past).toHaveLength(1);
  });

  it('keeps the latest edits only, and the criteria set of each', () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < 5; i++) h = record(h, answer(`1.${i}`, null, yes, 'iso-9001'), 3);
    expect(h.past.map((e) => e.item)).toEqual(['1.2', '1.3', '1.4']);
    expect(nextUndo(h)).toMatchObject({ set: 'iso-9001' });
  });

  it('says what would be undone, the Vietnamese way', () => {
    expect(describeEdit(answer('1.1.2', null, yes), words)).toBe('1.1.2 = Có');
    expect(describeEdit(answer('1.1.2', yes, null), words)).toBe('1.1.2 = (trống)');
    expect(inputText({ kind: 'percent', value: 8.5 }, words)).toBe('8,5%');
    expect(inputText({ kind: 'count', value: 1675 }, words)).toBe('1.675');
    expect(inputText({ kind: 'ratio', numerator: 3, denominator: 4 }, words)).toBe('3/4');
    expect(inputText({ kind: 'notApplicable' }, words)).toBe('Không áp dụng');
    expect(inputText({ kind: 'variables', values: { a: 1.5, b: 2 } }, words)).toBe('a = 1,5; b = 2');
    expect(describeEdit({ set: null, item: '2.1', kind: 'explanation', before: null, after: 'x' }, words)).toBe('2.1: giải trình');
    const d = { docNo: '1/QĐ', date: '', issuer: '', title: '' };
    expect(describeEdit({ set: null, item: '2.1', kind: 'evidence', index: 1, before: d, after: { ...d, title: 'Kế hoạch' } }, words)).toBe('2.1: chi tiết tài liệu 1');
  });
});
