// The names a FEEL expression reads from outside itself (case data), as opposed to the names it
// binds (context entries, function parameters, `for`/`some`/`every` variables, a filter's `item`)
// and feelin's built-in functions. An expression with none is literal: its work is the same for
// every case, so the diagram check can measure it once.
import { evaluate, parseExpression } from 'feelin';

type Tree = ReturnType<typeof parseExpression>;
type SyntaxNode = Tree['topNode'];

const builtins = new Map<string, boolean>();

/** Whether feelin resolves `name` by itself (a built-in function), asked once per name. */
export function isBuiltin(name: string): boolean {
  let known = builtins.get(name);
  if (known === undefined) {
    try {
      // a lone name is a lookup, never a call: this does no work
      const result = evaluate(name, {});
      known = result.warnings.length === 0 && result.value !== null;
    } catch {
      known = false;
    }
    if (builtins.size < 1000) builtins.set(name, known);
  }
  return known;
}

const nameOf = (node: SyntaxNode, source: string): string => {
  const text = source.slice(node.from, node.to).trim().replace(/\s+/g, ' ');
  return node.name === 'StringLiteral' ? text.slice(1, -1) : text;
};

const childrenOf = (node: SyntaxNode): SyntaxNode[] => {
  const found: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) found.push(child);
  return found;
};

/** Names bound by a node for (some of) its children. */
function bindings(node: SyntaxNode, source: string): string[] {
  switch (node.name) {
    case 'Context':
      return node.getChildren('ContextEntry').flatMap((entry) => {
        const key = entry.getChild('Key')?.firstChild;
        return key ? [nameOf(key, source)] : [];
      });
    case 'FunctionDefinition':
      return (node.getChild('FormalParameters')?.getChildren('FormalParameter') ?? []).flatMap((parameter) => {
        const name = parameter.getChild('ParameterName');
        return name ? [nameOf(name, source)] : [];
      });
    case 'ForExpression':
    case 'QuantifiedExpression':
      return [
        'partial',
        ...(node.getChild('InExpressions')?.getChildren('InExpression') ?? []).flatMap((inExpression) => {
          const name = inExpression.getChild('Name');
          return name ? [nameOf(name, source)] : [];
        }),
      ];
    default:
      return [];
  }
}

/**
 * The free names of `source`, or undefined when it does not parse. `provided` are names the
 * evaluator always supplies (the clock's `now` and `today`).
 */
export function freeNames(source: string, provided: readonly string[] = []): string[] | undefined {
  let tree: Tree;
  try {
    tree = parseExpression(source, {}, undefined);
  } catch {
    return undefined;
  }
  const free = new Set<string>();
  let broken = false;
  const visit = (node: SyntaxNode, bound: ReadonlySet<string>): void => {
    if (node.type.isError) broken = true;
    if (node.name === 'Type') return;
    if (node.name === 'VariableName') {
      const name = nameOf(node, source);
      if (!bound.has(name) && !provided.includes(name) && !isBuiltin(name)) free.add(name);
      return;
    }
    const own = bindings(node, source);
    const inner = own.length > 0 ? new Set([...bound, ...own]) : bound;
    if (node.name === 'FilterExpression') {
      // the condition also sees the element's own keys, which are unknown here: only `item` is bound
      const [target, ...rest] = childrenOf(node);
      if (target) visit(target, bound);
      const withItem = new Set([...bound, 'item']);
      for (const child of rest) visit(child, withItem);
      return;
    }
    for (const child of childrenOf(node)) visit(child, node.name === 'FunctionDefinition' && child.name !== 'FunctionBody' ? bound : inner);
  };
  visit(tree.topNode, new Set());
  return broken ? undefined : [...free].sort();
}
