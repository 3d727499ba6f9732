import type { AdjustmentItem, FormulaVariable, Template, TemplateItem, TemplateRef } from '../schema/template.ts';
import { type FormulaAst, parseFormula } from '../scoring/formula.ts';
import { IssueError } from '../util/issue.ts';
import { checkTemplate } from './check.ts';

/** One item of a compiled template, with its relations as indexes into `CompiledTemplate.nodes`. */
export interface CompiledNode {
  readonly idx: number;
  readonly item: TemplateItem;
  readonly code: string;
  /** Index of the parent node; -1 for an area (root). */
  readonly parent: number;
  readonly children: readonly number[];
  /** 0 for an area (root), 1 for its criteria, and so on. */
  readonly depth: number;
  readonly leaf: boolean;
  /** Parsed expression of a FORMULA leaf. */
  readonly formula: FormulaAst | null;
  /** Declared variables of a FORMULA leaf, by name. */
  readonly variables: ReadonlyMap<string, FormulaVariable> | null;
  /** Ancestors, parent first, area last. */
  readonly ancestors: readonly number[];
}

/**
 * A checked template indexed for scoring. Built once per template; scoring then only walks arrays.
 */
export interface CompiledTemplate {
  readonly template: Template;
  readonly ref: TemplateRef;
  readonly byCode: ReadonlyMap<string, TemplateItem>;
  /** Children in document order; key null lists the areas. */
  readonly children: ReadonlyMap<string | null, readonly TemplateItem[]>;
  readonly roots: readonly TemplateItem[];
  /** Leaves in document order. */
  readonly leaves: readonly TemplateItem[];
  readonly depth: ReadonlyMap<string, number>;
  /** Parsed FORMULA expressions by item code. */
  readonly formulas: ReadonlyMap<string, FormulaAst>;
  readonly adjustments: {
    readonly bonus: ReadonlyMap<string, AdjustmentItem>;
    readonly penalty: ReadonlyMap<string, AdjustmentItem>;
  };
  /** Nodes in document order. */
  readonly nodes: readonly CompiledNode[];
  readonly index: ReadonlyMap<string, number>;
  /** Every node index, children before their parent (the order sums are built in). */
  readonly postOrder: readonly number[];
  readonly rootIdx: readonly number[];
  /** Topmost survey nodes: their subtrees make up the survey part of the score. */
  readonly surveyTops: readonly number[];
}

/**
 * Compiles a template that passes `checkTemplate`; throws an IssueError with the check's issues
 * otherwise (a template reaching scoring unchecked is a programming error, not user data).
 */
export function compileTemplate(t: Template): CompiledTemplate {
  const problems = checkTemplate(t);
  if (problems.length > 0) throw new IssueError(problems);

  const index = new Map<string, number>();
  t.items.forEach((it, i) => index.set(it.code, i));
  const childIdx: number[][] = t.items.map(() => []);
  const rootIdx: number[] = [];
  t.items.forEach((it, i) => {
    if (it.parent === null) rootIdx.push(i);
    else (childIdx[index.get(it.parent) as number] as number[]).push(i);
  });

  // Depth-first from the areas: gives depth, ancestors and a post-order in one pass.
  const depthOf = new Array<number>(t.items.length).fill(0);
  const ancestorsOf: number[][] = t.items.map(() => []);
  const postOrder: number[] = [];
  const visit = (i: number, depth: number, ancestors: number[]): void => {
    depthOf[i] = depth;
    ancestorsOf[i] = ancestors;
    const inner = [i, ...ancestors];
    for (const c of childIdx[i] as number[]) visit(c, depth + 1, inner);
    postOrder.push(i);
  };
  for (const r of rootIdx) visit(r, 0, []);

  const formulas = new Map<string, FormulaAst>();
  const nodes: CompiledNode[] = t.items.map((item, i) => {
    const kids = childIdx[i] as number[];
    let formula: FormulaAst | null = null;
    let variables: Map<string, FormulaVariable> | null = null;
    if (item.rule?.type === 'FORMULA') {
      variables = new Map(item.rule.variables.map((v) => [v.name, v]));
      const parsed = parseFormula(item.rule.expression, variables.keys());
      if (!parsed.ok) throw new IssueError(parsed.error); // unreachable: checkTemplate parsed it already
      formula = parsed.value;
      formulas.set(item.code, formula);
    }
    return {
      idx: i,
      item,
      code: item.code,
      parent: item.parent === null ? -1 : (index.get(item.parent) as number),
      children: kids,
      depth: depthOf[i] as number,
      leaf: kids.length === 0,
      formula,
      variables,
      ancestors: ancestorsOf[i] as number[],
    };
  });

  const children = new Map<string | null, TemplateItem[]>();
  children.set(null, rootIdx.map((i) => t.items[i] as TemplateItem));
  for (const n of nodes) if (!n.leaf) children.set(n.code, n.children.map((c) => t.items[c] as TemplateItem));

  const surveyTops = nodes
    .filter((n) => n.item.survey && (n.parent === -1 || !(nodes[n.parent] as CompiledNode).item.survey))
    .map((n) => n.idx);

  return {
    template: t,
    ref: { id: t.id, version: t.version },
    byCode: new Map(t.items.map((it) => [it.code, it])),
    children,
    roots: rootIdx.map((i) => t.items[i] as TemplateItem),
    leaves: nodes.filter((n) => n.leaf).map((n) => n.item),
    depth: new Map(nodes.map((n) => [n.code, n.depth])),
    formulas,
    adjustments: {
      bonus: new Map(t.bonus.items.map((a) => [a.code, a])),
      penalty: new Map(t.penalty.items.map((a) => [a.code, a])),
    },
    nodes,
    index,
    postOrder,
    rootIdx,
    surveyTops,
  };
}
