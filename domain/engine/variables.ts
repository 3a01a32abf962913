// Case data as a step sees it: the case's own data overlaid by the local variables of every element
// instance it sits in (a multi-instance instance's item and loopCounter), innermost last. A value a
// step gives back lands where Zeebe puts it: in the innermost instance already holding that name,
// else in the case data, so parallel instances each keep their own output element.
import type { CaseData } from './contract.ts';
import type { Token } from './engine-state.ts';
import { copyJson, type Run } from './run.ts';
import { hostOf } from './scopes.ts';

/** Where a step stands: a token (its own variables count) or a move about to enter a scope. */
export interface Place {
  scopeId: string;
  id?: string;
}

/** Tokens holding variables, innermost first: the token itself, then the host of each enclosing scope. */
function holders(run: Run, at: Place): Token[] {
  const found: Token[] = [];
  const own = at.id === undefined ? undefined : run.state.tokens[at.id];
  if (own?.vars) found.push(own);
  for (let host = hostOf(run, at.scopeId); host; host = hostOf(run, host.scopeId)) {
    if (host.vars) found.push(host);
  }
  return found;
}

/** The data visible at a place; the case data itself (not a copy) when no local variable is in play. */
export function visibleData(run: Run, at: Place): CaseData {
  const layers = holders(run, at);
  if (layers.length === 0) return run.state.data;
  return Object.assign({}, run.state.data, ...layers.reverse().map((token) => token.vars));
}

/** Stores values a step gave back, each in the innermost scope that already holds its name, else in the case data. */
export function storeData(run: Run, at: Place, data: CaseData | undefined): void {
  if (!data) return;
  const layers = holders(run, at);
  for (const [name, value] of Object.entries(copyJson(data))) {
    const holder = layers.find((token) => token.vars && Object.hasOwn(token.vars, name));
    (holder?.vars ?? run.state.data)[name] = value;
  }
}
