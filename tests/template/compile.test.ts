import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../shared/template/compile.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { binary, buildTemplate, group, leaf, manual } from '../helpers/template-builder.ts';

describe('compileTemplate', () => {
  const t = buildTemplate([
    group('1', null, 10),
    group('1.1', '1', 6),
    leaf('1.1.2', '1.1', 3, manual()),
    leaf('1.1.1', '1.1', 3, binary()),
    leaf('1.2', '1', 4, { type: 'FORMULA', expression: 'x * 2', variables: [{ name: 'x', label: { vi: 'x' } }] }),
    leaf('2', null, 5, binary()),
  ]);
  const ct = compileTemplate(t);

  it('indexes codes, children in document order, roots, leaves and depths', () => {
    expect(ct.byCode.get('1.1.1')?.max).toBe(3);
    expect(ct.children.get(null)?.map((i) => i.code)).toEqual(['1', '2']);
    expect(ct.children.get('1.1')?.map((i) => i.code)).toEqual(['1.1.2', '1.1.1']);
    expect(ct.roots.map((i) => i.code)).toEqual(['1', '2']);
    expect(ct.leaves.map((i) => i.code)).toEqual(['1.1.2', '1.1.1', '1.2', '2']);
    expect([...ct.depth.entries()]).toEqual([['1', 0], ['1.1', 1], ['1.1.2', 2], ['1.1.1', 2], ['1.2', 1], ['2', 0]]);
    expect(ct.formulas.get('1.2')).toEqual({ type: 'binary', op: '*', left: { type: 'var', name: 'x' }, right: { type: 'num', value: 2 } });
    expect(ct.ref).toEqual({ id: 'test-template', version: 1 });
  });

  it('orders children before parents', () => {
    const pos = new Map(ct.postOrder.map((idx, i) => [ct.nodes[idx]!.code, i]));
    for (const n of ct.nodes) if (n.parent >= 0) expect(pos.get(n.code)!).toBeLessThan(pos.get(ct.nodes[n.parent]!.code)!);
  });

  it('throws an IssueError with the check issues for an unchecked template', () => {
    const bad = buildTemplate([group('1', null, 10), leaf('1.1', '1', 11, binary())]);
    expect(() => compileTemplate(bad)).toThrow(IssueError);
    try {
      compileTemplate(bad);
    } catch (e) {
      expect((e as IssueError).issues.map((i) => i.code)).toEqual(['template.children_exceed_max']);
    }
  });
});
