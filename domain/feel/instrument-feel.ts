// Rewrites a FEEL expression so that evaluating it charges the work meter: every name read is
// wrapped in a call that charges the size of its value, and every list iterated (`for`, `some`,
// `every`) or filtered (`list[…]`) in one that charges a step per element. The calls return their
// argument unchanged, so within budget the expression's value is exactly the original's.
import { parseExpression } from 'feelin';

/** Names of the charging functions placed in the evaluation context, after the case data. */
export const CHARGE_VALUE = '__casemapValue';
export const CHARGE_EACH = '__casemapEach';

type Tree = ReturnType<typeof parseExpression>;
type SyntaxNode = Tree['topNode'];

type Insertion = { at: number; text: string; opens: boolean; span: number };

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The part of the context the parser needs: names other than plain identifiers (`sentence months`
 * and `foo-bar` parse as one name only when known), and values that may hold such names for a
 * path (`a.b c`). feelin's parser is slow on a context of thousands of names, and a plain
 * identifier parses the same whether or not it is known.
 */
function parserContext(context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const needed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) if (!PLAIN_NAME.test(key) || (typeof value === 'object' && value !== null)) needed[key] = value;
  return needed;
}

const hasAncestor = (node: SyntaxNode, name: string): boolean => {
  for (let up = node.parent; up; up = up.parent) if (up.name === name) return true;
  return false;
};

/** Whether this node is the first child of a node named `parent` (`f` in `f(x)`, `a` in `a.b`). */
const leads = (node: SyntaxNode, parent: string): boolean => node.parent?.name === parent && node.prevSibling === null;

/**
 * The instrumented source; undefined when `source` does not parse (evaluating the original then
 * reports the syntax error); null when the instrumented source would not parse either, which a
 * caller must treat as "cannot be bounded". `context` is the evaluation context: FEEL names may
 * contain spaces, and the parser needs the context's names to read them as the evaluator will.
 * `calledNames` collects the names of the functions called.
 */
export function instrumentFeel(source: string, context: Readonly<Record<string, unknown>>, calledNames?: Set<string>): string | null | undefined {
  const names = parserContext(context);
  let tree: Tree;
  try {
    tree = parseExpression(source, names, undefined);
  } catch {
    return undefined;
  }
  const insertions: Insertion[] = [];
  let broken = false;
  const wrap = (node: SyntaxNode, fn: string) => {
    insertions.push({ at: node.from, text: `${fn}(`, opens: true, span: node.to - node.from });
    insertions.push({ at: node.to, text: ')', opens: false, span: node.to - node.from });
  };
  tree.iterate({
    enter(ref) {
      if (ref.type.isError) broken = true;
      if (broken) return false;
      const node = ref.node;
      // A call is charged by the call itself. A path `a.b c` is charged as a whole (its value is
      // what it costs to compute), and left as written: the parser reads `b c` knowing `a`.
      const charged = !leads(node, 'FunctionInvocation') && !leads(node, 'PathExpression') && !hasAncestor(node, 'Type');
      if ((node.name === 'VariableName' || node.name === 'PathExpression') && charged) wrap(node, CHARGE_VALUE);
      if (node.name === 'VariableName' && leads(node, 'FunctionInvocation')) calledNames?.add(source.slice(node.from, node.to).trim().replace(/\s+/g, ' '));
      if (node.name === 'IterationContext' && !node.getChild('..')) wrap(node, CHARGE_EACH);
      if (node.name === 'FilterExpression' && node.firstChild) wrap(node.firstChild, CHARGE_EACH);
      return true;
    },
  });
  if (broken) return undefined;
  // At one position: closings before openings; the outer call opens first and closes last.
  insertions.sort((a, b) => a.at - b.at || Number(a.opens) - Number(b.opens) || (a.opens ? b.span - a.span : a.span - b.span));
  let result = '';
  let from = 0;
  for (const insertion of insertions) {
    result += source.slice(from, insertion.at) + insertion.text;
    from = insertion.at;
  }
  result += source.slice(from);
  return parses(result, names) ? result : null;
}

function parses(source: string, names: Record<string, unknown>): boolean {
  let valid = true;
  parseExpression(source, names, undefined).iterate({
    enter: (ref) => {
      if (ref.type.isError) valid = false;
      return valid;
    },
  });
  return valid;
}
