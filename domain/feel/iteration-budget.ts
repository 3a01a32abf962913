// The iterations of `for`, `some` and `every` counted from an expression's syntax tree, without
// evaluating it: range bounds must be numbers, or names of numbers in the case data, and nested or
// combined iterations multiply. The diagram check uses it to refuse literal ranges that would go
// over the work budget whatever the case data (evaluation-budget.ts); the budget itself is
// enforced while evaluating.
import { parseExpression } from 'feelin';

type Tree = ReturnType<typeof parseExpression>;
type SyntaxNode = Tree['topNode'];

const ITERATING = new Set(['ForExpression', 'QuantifiedExpression']);

function children(node: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) found.push(child);
  return found;
}

/** How many values one iteration context yields; Infinity when it cannot be known in advance. */
function contextSize(context: SyntaxNode, source: string, data: Readonly<Record<string, unknown>> | undefined): number {
  const parts = children(context);
  const bound = (node: SyntaxNode | undefined): number | undefined => {
    if (!node) return undefined;
    const text = source.slice(node.from, node.to).trim();
    if (node.name === 'NumericLiteral') return Number(text);
    if (node.name === 'VariableName' && data) {
      const value = data[text];
      return typeof value === 'number' ? value : undefined;
    }
    return undefined;
  };
  const isRange = parts.some((part) => part.name === '..');
  if (isRange) {
    const [from, , to] = parts;
    const low = bound(from);
    const high = bound(to);
    if (low === undefined || high === undefined) return data ? Infinity : 0;
    return Math.abs(Math.floor(high) - Math.floor(low)) + 1;
  }
  // A list: its length when it is a name in the case data; otherwise it is a literal or a value
  // computed by other expressions, whose own ranges are counted where they are written.
  const [only] = parts;
  if (only?.name === 'VariableName' && data) {
    const value = data[source.slice(only.from, only.to).trim()];
    return Array.isArray(value) ? value.length : 1;
  }
  return 1;
}

/** Multiplies iteration counts; an empty list stops everything after it, even an unbounded range. */
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

/** The iterations `node` makes when it is itself run `factor` times. */
function cost(node: SyntaxNode, factor: number, source: string, data: Readonly<Record<string, unknown>> | undefined): number {
  if (ITERATING.has(node.name)) {
    // `for a in …, b in … return …` runs its body once per combination of its contexts.
    const contexts = node.getChildren('InExpressions').flatMap((list) => list.getChildren('InExpression')).flatMap((one) => one.getChildren('IterationContext'));
    const size = contexts.reduce((product, context) => times(product, contextSize(context, source, data)), 1);
    let total = times(factor, size);
    for (const child of children(node)) total += cost(child, child.name === 'InExpressions' ? factor : times(factor, size), source, data);
    return total;
  }
  return children(node).reduce((sum, child) => sum + cost(child, factor, source, data), 0);
}

/**
 * The most iterations evaluating `source` can make with `data`. Without data (at check time) only
 * literal bounds count and a range over case data counts as 0, so the check flags what is wrong
 * whatever the data; with data, a bound that is neither a number nor a name of one is Infinity.
 */
export function countIterations(source: string, data?: Readonly<Record<string, unknown>>): number {
  let tree: Tree;
  try {
    tree = parseExpression(source, {}, undefined);
  } catch {
    return 0;
  }
  return cost(tree.topNode, 1, source, data);
}
