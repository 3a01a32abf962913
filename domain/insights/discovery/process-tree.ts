// A process tree (the inductive miner's result): activities and silent steps combined by sequence, exclusive choice, parallel and loop; sound by construction.
export type ProcessTree =
  | { kind: 'activity'; name: string }
  | { kind: 'tau' }
  | { kind: 'sequence' | 'xor' | 'parallel'; children: ProcessTree[] }
  /** Do `body`, then either leave or do `redo` and `body` again. */
  | { kind: 'loop'; body: ProcessTree; redo: ProcessTree };

/** A variant of a log: its activities in order and how many cases followed it. */
export interface Variant {
  activities: readonly string[];
  count: number;
}

const symbols = { sequence: '->', xor: 'X', parallel: '+' } as const;

/**
 * PM4Py's notation (`->( 'a', X( 'b', tau ) )`, loop `*( body, redo )`), so a tree can be read in a
 * test and compared with `pm4py.discover_process_tree_inductive`.
 */
export function treeToString(tree: ProcessTree): string {
  switch (tree.kind) {
    case 'activity':
      return `'${tree.name}'`;
    case 'tau':
      return 'tau';
    case 'loop':
      return `*( ${treeToString(tree.body)}, ${treeToString(tree.redo)} )`;
    default:
      return `${symbols[tree.kind]}( ${tree.children.map(treeToString).join(', ')} )`;
  }
}
