/**
 * FORMULA rule expressions: parsed by jsep, checked against a whitelist and turned into our own
 * small AST, then evaluated by walking that AST. Nothing is ever passed to eval / new Function, and
 * variable values are looked up as own properties only, so `constructor` or `__proto__` can never
 * reach an object's prototype.
 *
 * Allowed: numbers; declared variables; + - * / %; < > <= >= == != === !==; && || !; unary + -;
 * the ternary `?:` (built into jsep 1.x core, no plugin needed); calls of min, max, abs, round,
 * floor, ceil. All values are numbers: comparisons and ! give 1 or 0, && and || return one of
 * their operands as in JavaScript, and 0 / NaN count as false. Comparisons, round, floor and ceil
 * ignore float noise (see rounding.ts); round is Excel's ROUND (half away from zero), so `a / b * 100 >= 80` holds for 4 / 5.
 */
import jsep from 'jsep';
import { type Issue, type Result, fail, issue, ok } from '../util/issue.ts';
import { leq, lt, nearlyEqual, roundWhole, snapWhole } from './rounding.ts';

export const FORMULA_FUNCTIONS = ['min', 'max', 'abs', 'round', 'floor', 'ceil'] as const;
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

const BINARY_OPS = ['+', '-', '*', '/', '%', '<', '>', '<=', '>=', '==', '!=', '===', '!=='] as const;
type BinaryOp = (typeof BINARY_OPS)[number];
type LogicalOp = '&&' | '||';
type UnaryOp = '-' | '+' | '!';

export type FormulaAst =
  | { readonly type: 'num'; readonly value: number }
  | { readonly type: 'var'; readonly name: string }
  | { readonly type: 'unary'; readonly op: UnaryOp; readonly arg: FormulaAst }
  | { readonly type: 'binary'; readonly op: BinaryOp; readonly left: FormulaAst; readonly right: FormulaAst }
  | { readonly type: 'logical'; readonly op: LogicalOp; readonly left: FormulaAst; readonly right: FormulaAst }
  | { readonly type: 'cond'; readonly test: FormulaAst; readonly then: FormulaAst; readonly else: FormulaAst }
  | { readonly type: 'call'; readonly fn: FormulaFunction; readonly args: readonly FormulaAst[] };

const FIELD = 'rule.expression';

function isFunctionName(name: string): name is FormulaFunction {
  return (FORMULA_FUNCTIONS as readonly string[]).includes(name);
}

function isBinaryOp(op: string): op is BinaryOp {
  return (BINARY_OPS as readonly string[]).includes(op);
}

type Node = jsep.Expression;

function sub(node: Node, key: string): Node | null {
  const v = node[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string'
    ? (v as Node)
    : null;
}

function subList(node: Node, key: string): Node[] | null {
  const v = node[key];
  if (!Array.isArray(v)) return null;
  const out: Node[] = [];
  for (const x of v) {
    if (typeof x !== 'object' || x === null || typeof (x as { type?: unknown }).type !== 'string') return null;
    out.push(x as Node);
  }
  return out;
}

/** Text of a member expression as the user wrote it, for the message (x.constructor, process.exit). */
function memberText(node: Node): string {
  if (node.type === 'Identifier' && typeof node.name === 'string') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression') {
    const object = sub(node, 'object');
    const property = sub(node, 'property');
    const left = object ? memberText(object) : '…';
    if (node.computed !== true && property?.type === 'Identifier') return `${left}.${String(property.name)}`;
    return `${left}[…]`;
  }
  return '…';
}

class Converter {
  readonly issues: Issue[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly declared: ReadonlySet<string>) {}

  private report(code: string, params?: Record<string, string | number>): null {
    const key = `${code}|${JSON.stringify(params ?? {})}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.issues.push(issue(code, { field: FIELD }, params));
    }
    return null;
  }

  convert(node: Node): FormulaAst | null {
    switch (node.type) {
      case 'Literal': {
        const v = node.value;
        if (typeof v === 'number') {
          return Number.isFinite(v) ? { type: 'num', value: v } : this.report('scoring.formula_literal', { value: String(node.raw) });
        }
        if (typeof v === 'string') return this.report('scoring.formula_string');
        return this.report('scoring.formula_literal', { value: String(node.raw ?? v) });
      }
      case 'Identifier': {
        const name = String(node.name);
        if (!this.declared.has(name)) return this.report('scoring.formula_undeclared_variable', { name });
        return { type: 'var', name };
      }
      case 'UnaryExpression': {
        const op = String(node.operator);
        const argNode = sub(node, 'argument');
        const arg = argNode ? this.convert(argNode) : null;
        if (op !== '-' && op !== '+' && op !== '!') return this.report('scoring.formula_operator', { operator: op });
        return arg ? { type: 'unary', op, arg } : null;
      }
      case 'BinaryExpression': {
        const op = String(node.operator);
        const l = sub(node, 'left');
        const r = sub(node, 'right');
        const left = l ? this.convert(l) : null;
        const right = r ? this.convert(r) : null;
        if (op === '&&' || op === '||') return left && right ? { type: 'logical', op, left, right } : null;
        if (!isBinaryOp(op)) return this.report('scoring.formula_operator', { operator: op });
        return left && right ? { type: 'binary', op, left, right } : null;
      }
      case 'ConditionalExpression': {
        const t = sub(node, 'test');
        const c = sub(node, 'consequent');
        const a = sub(node, 'alternate');
        const test = t ? this.convert(t) : null;
        const then = c ? this.convert(c) : null;
        const otherwise = a ? this.convert(a) : null;
        return test && then && otherwise ? { type: 'cond', test, then, else: otherwise } : null;
      }
      case 'CallExpression': {
        const callee = sub(node, 'callee');
        const argNodes = subList(node, 'arguments') ?? [];
        if (!callee) return this.report('scoring.formula_not_allowed', { node: node.type });
        if (callee.type === 'MemberExpression') return this.report('scoring.formula_member_access', { text: memberText(callee) });
        if (callee.type !== 'Identifier') return this.report('scoring.formula_call_not_allowed');
        const name = String(callee.name);
        if (!isFunctionName(name)) return this.report('scoring.formula_function_not_allowed', { name });
        const args = argNodes.map((a) => this.convert(a));
        const single = name !== 'min' && name !== 'max';
        if (single && args.length !== 1) {
          return this.report('scoring.formula_arity_one', { name, actual: args.length });
        }
        if (!single && args.length === 0) return this.report('scoring.formula_arity_some', { name });
        if (args.some((a) => a === null)) return null;
        return { type: 'call', fn: name, args: args as FormulaAst[] };
      }
      case 'MemberExpression':
        return this.report('scoring.formula_member_access', { text: memberText(node) });
      case 'ThisExpression':
        return this.report('scoring.formula_this');
      case 'ArrayExpression':
        return this.report('scoring.formula_array');
      case 'Compound':
      case 'SequenceExpression':
        return this.report('scoring.formula_multiple');
      default:
        return this.report('scoring.formula_not_allowed', { node: node.type });
    }
  }
}

/**
 * Parses and validates an expression. Issues carry `field: 'rule.expression'` only; the caller adds
 * the template and item.
 */
export function parseFormula(expr: string, declaredNames: Iterable<string>): Result<FormulaAst> {
  const declared = new Set(declaredNames);
  let root: Node;
  try {
    root = jsep(expr);
  } catch (e) {
    const info = e as { index?: unknown; description?: unknown };
    const position = typeof info.index === 'number' ? info.index + 1 : 0;
    if (typeof info.description === 'string' && info.description === 'Unexpected "="') {
      return fail([issue('scoring.formula_assignment', { field: FIELD }, { position })]);
    }
    return fail([issue('scoring.formula_syntax', { field: FIELD }, { position })]);
  }
  if (root.type === 'Compound' && Array.isArray(root.body) && root.body.length === 0) {
    return fail([issue('scoring.formula_empty', { field: FIELD })]);
  }
  const conv = new Converter(declared);
  let ast: FormulaAst | null;
  try {
    ast = conv.convert(root);
  } catch {
    // Only a pathological nesting depth can get here (stack overflow); refuse it as unreadable.
    return fail([issue('scoring.formula_syntax', { field: FIELD }, { position: 0 })]);
  }
  if (conv.issues.length > 0 || !ast) return fail(conv.issues.length ? conv.issues : [issue('scoring.formula_syntax', { field: FIELD }, { position: 0 })]);
  return ok(ast);
}

/** The variable names an expression uses (for the UI: which inputs to ask for). */
export function formulaVariables(ast: FormulaAst, out: Set<string> = new Set()): Set<string> {
  switch (ast.type) {
    case 'num':
      break;
    case 'var':
      out.add(ast.name);
      break;
    case 'unary':
      formulaVariables(ast.arg, out);
      break;
    case 'binary':
    case 'logical':
      formulaVariables(ast.left, out);
      formulaVariables(ast.right, out);
      break;
    case 'cond':
      formulaVariables(ast.test, out);
      formulaVariables(ast.then, out);
      formulaVariables(ast.else, out);
      break;
    case 'call':
      for (const a of ast.args) formulaVariables(a, out);
      break;
  }
  return out;
}

const truthy = (x: number): boolean => x !== 0 && !Number.isNaN(x);

/**
 * Evaluates a validated AST. A variable without a value is NaN, so is any invalid operation; division
 * by zero gives ±Infinity as in JavaScript. The caller decides what a non-finite result means.
 */
export function evaluateFormula(ast: FormulaAst, values: Readonly<Record<string, number>>): number {
  switch (ast.type) {
    case 'num':
      return ast.value;
    case 'var': {
      if (!Object.hasOwn(values, ast.name)) return Number.NaN;
      const v: unknown = values[ast.name];
      return typeof v === 'number' ? v : Number.NaN;
    }
    case 'unary': {
      const a = evaluateFormula(ast.arg, values);
      if (ast.op === '-') return -a;
      if (ast.op === '+') return a;
      return truthy(a) ? 0 : 1;
    }
    case 'logical': {
      const l = evaluateFormula(ast.left, values);
      if (ast.op === '&&') return truthy(l) ? evaluateFormula(ast.right, values) : l;
      return truthy(l) ? l : evaluateFormula(ast.right, values);
    }
    case 'cond':
      return truthy(evaluateFormula(ast.test, values)) ? evaluateFormula(ast.then, values) : evaluateFormula(ast.else, values);
    case 'binary': {
      const l = evaluateFormula(ast.left, values);
      const r = evaluateFormula(ast.right, values);
      switch (ast.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return l / r;
        case '%':
          return l % r;
        // Comparisons ignore float noise, like band thresholds: 0.7 + 0.1 >= 0.8 holds.
        case '<':
          return lt(l, r) ? 1 : 0;
        case '>':
          return lt(r, l) ? 1 : 0;
        case '<=':
          return leq(l, r) ? 1 : 0;
        case '>=':
          return leq(r, l) ? 1 : 0;
        case '==':
        case '===':
          return nearlyEqual(l, r) ? 1 : 0;
        case '!=':
        case '!==':
          return nearlyEqual(l, r) ? 0 : 1;
      }
      return Number.NaN;
    }
    case 'call': {
      const args = ast.args.map((a) => evaluateFormula(a, values));
      const first = args[0] ?? Number.NaN;
      switch (ast.fn) {
        case 'min':
          return Math.min(...args);
        case 'max':
          return Math.max(...args);
        case 'abs':
          return Math.abs(first);
        case 'round':
          return roundWhole(first);
        case 'floor':
          return Math.floor(snapWhole(first));
        case 'ceil':
          return Math.ceil(snapWhole(first));
      }
      return Number.NaN;
    }
  }
}
