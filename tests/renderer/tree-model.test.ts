import { describe, expect, it } from 'vitest';
import { visibleRows } from '../../renderer/src/features/agency/tree-model.ts';
import { bands, binary, buildTemplate, group, leaf, na, surveyRule, yes } from '../helpers/template-builder.ts';

const t = buildTemplate([
  group('1', null, 10),
  group('1.1', '1', 6),
  leaf('1.1.1', '1.1', 3, bands([100, 3], [80, 1.5])),
  leaf('1.1.2', '1.1', 3, binary(), { notApplicableAllowed: true }),
  leaf('1.2', '1', 4, binary()),
  group('2', null, 10),
  leaf('2.1', '2', 10, surveyRule(), { survey: true }),
]);
const codes = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => r.item.code);

describe('the criteria tree rows', () => {
  it('are every item in document order, with depth; a collapsed item hides its children only', () => {
    const all = visibleRows(t.items, {}, new Set(), 'all');
    expect(codes(all)).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1']);
    expect(all.map((r) => r.depth)).toEqual([0, 1, 2, 2, 1, 0, 1]);
    expect(codes(visibleRows(t.items, {}, new Set(['1.1']), 'all'))).toEqual(['1', '1.1', '1.2', '2', '2.1']);
    expect(visibleRows(t.items, {}, new Set(['1.1']), 'all')[1]).toMatchObject({ parent: true, expanded: false });
  });

  it('"unanswered" keeps the agency\'s unanswered leaves and their ancestors, never survey items', () => {
    const entries = { '1.1.1': { input: yes(), selfScore: null, evidence: [] }, '1.1.2': { input: na(), selfScore: null, evidence: [] } };
    expect(codes(visibleRows(t.items, entries, new Set(), 'unanswered'))).toEqual(['1', '1.2']);
  });

  it('"without evidence" keeps leaves with neither a document nor an explanation', () => {
    const entries = {
      '1.1.1': { selfScore: null, evidence: [{ docNo: '12/KH' }] },
      '1.1.2': { selfScore: null, evidence: [], explanation: 'Không phát sinh' },
    };
    expect(codes(visibleRows(t.items, entries, new Set(), 'noEvidence'))).toEqual(['1', '1.2']);
    expect(codes(visibleRows(t.items, { ...entries, '1.2': { selfScore: null, evidence: [{ docNo: '3/BC' }] } }, new Set(), 'noEvidence'))).toEqual([]);
  });

  it('"with an appraisal comment" keeps the commented leaves and their ancestors, answered or not; none without an appraisal', () => {
    const entries = { '1.1.2': { input: yes(), selfScore: null, evidence: [] } };
    expect(codes(visibleRows(t.items, entries, new Set(), 'commented', new Set(['1.1.2', '1.2'])))).toEqual(['1', '1.1', '1.1.2', '1.2']);
    expect(codes(visibleRows(t.items, entries, new Set(), 'commented'))).toEqual([]);
  });
});
