import { describe, expect, it } from 'vitest';
import { sendCheckGaps, sentTime } from '../../shared/cycle/send-check.ts';

const YES = { type: 'YES_NO' } as never;
const items = [
  { code: '1', rule: undefined, survey: false },
  { code: '1.1', rule: YES, survey: false },
  { code: '1.2', rule: YES, survey: false },
  { code: '1.3', rule: YES, survey: false },
  { code: '1.4', rule: { type: 'SURVEY' } as never, survey: false },
  { code: '1.5', rule: YES, survey: true },
];

describe('check before sending (pure)', () => {
  it('lists unanswered items once, answered items without evidence or explanation, figures not declared; never survey items', () => {
    const entries = {
      '1.2': { input: { kind: 'yesno', value: true } as never, evidence: [], explanation: '  ' },
      '1.3': { input: { kind: 'yesno', value: false } as never, evidence: [], explanation: 'Không có văn bản' },
    };
    const figures = [
      { def: { code: 'F1', item: '1.1' }, value: null },
      { def: { code: 'F2' }, value: 0 },
      { def: { code: 'F3' }, value: null },
    ];
    expect(sendCheckGaps(items, entries, figures)).toEqual([
      { kind: 'unanswered', item: '1.1' },
      { kind: 'no_evidence', item: '1.2' },
      { kind: 'figure_missing', item: '1.1', figure: 'F1' },
      { kind: 'figure_missing', item: null, figure: 'F3' },
    ]);
  });
  it('finds nothing when every item is answered with evidence and every figure declared', () => {
    const ev = { input: { kind: 'yesno', value: true } as never, evidence: [{ docNo: '1/QĐ' } as never] };
    expect(sendCheckGaps(items, { '1.1': ev, '1.2': ev, '1.3': ev }, [{ def: { code: 'F' }, value: false }])).toEqual([]);
  });
  it('tells the sending time dd/mm/yyyy HH:mm in Vietnam time', () => {
    expect(sentTime('2026-12-07T18:05:00.000Z')).toBe('08/12/2026 01:05');
    expect(sentTime('nonsense')).toBe('nonsense');
  });
});
