// Exclusive, parallel and inclusive gateways: choosing paths by FEEL conditions and joining tokens.
//
// Inclusive join rule (a documented simplification of BPMN's "no token can still arrive"): an
// inclusive gateway with several outgoing flows tags each token it sends with a fork id and the
// number of paths it took; an inclusive gateway with several incoming flows waits, per scope, until
// as many tokens carrying the same latest fork id have arrived, then merges them. It assumes each
// inclusive split is closed by one inclusive join (block structure); a token with no fork tag passes
// the join alone, as at an exclusive merge.
import type { Flow, Node } from '../process/ir.ts';
import { failCase } from './case-outcome.ts';
import type { Token } from './engine-state.ts';
import { conditionHolds } from './feel.ts';
import type { Move, Run } from './run.ts';
import { consumeToken, createToken, leaveToken } from './tokens.ts';
import { visibleData, type Place } from './variables.ts';

type Choice = { flows: Flow[] } | undefined;

/** Flows whose condition holds (unconditional ones always do), in IR order; the default flow is left out. */
function holdingFlows(run: Run, node: Node, at: Place, firstOnly: boolean): Choice {
  const taken: Flow[] = [];
  for (const flow of run.ir.outgoing(node.id)) {
    if (flow.id === node.defaultFlow) continue;
    if (flow.condition !== undefined) {
      const holds = conditionHolds(flow.condition, visibleData(run, at), run.now);
      if (!holds.ok) {
        failCase(run, `The condition on the path "${flow.name ?? flow.id}" out of ${run.ir.label(node.id)} cannot be read: ${holds.error}`, node.id);
        return undefined;
      }
      if (!holds.value) continue;
    }
    taken.push(flow);
    if (firstOnly) break;
  }
  return { flows: taken };
}

function choose(run: Run, node: Node, at: Place, firstOnly: boolean): Choice {
  const outgoing = run.ir.outgoing(node.id);
  if (outgoing.length === 0) return { flows: [] };
  const choice = holdingFlows(run, node, at, firstOnly);
  if (!choice || choice.flows.length > 0) return choice;
  const fallback = outgoing.find((f) => f.id === node.defaultFlow);
  if (fallback) return { flows: [fallback] };
  failCase(
    run,
    `No path out of ${run.ir.label(node.id)} applies: none of its conditions holds for this case's data and it has no default path.`,
    node.id,
  );
  return undefined;
}

export function enterExclusive(run: Run, move: Move, node: Node): void {
  const token = createToken(run, move);
  const choice = choose(run, node, token, true);
  if (choice) leaveToken(run, token, { flows: choice.flows });
}

function waitingAt(run: Run, token: Token): Token[] {
  return Object.values(run.state.tokens).filter((t) => t.nodeId === token.nodeId && t.scopeId === token.scopeId);
}

/** Absorbs all but the first of the tokens a join merges; the first goes on. */
function merge(run: Run, tokens: Token[]): Token {
  const [carrier, ...others] = tokens;
  for (const other of others) consumeToken(run, other);
  return carrier as Token;
}

export function enterParallel(run: Run, move: Move, node: Node): void {
  const token = createToken(run, move, 'join');
  const incoming = run.ir.incoming(node.id);
  let carrier = token;
  if (incoming.length > 1) {
    const waiting = waitingAt(run, token);
    const oneEach = incoming.map((flow) => waiting.find((t) => t.via === flow.id));
    if (oneEach.some((t) => t === undefined)) return;
    carrier = merge(run, oneEach as Token[]);
  }
  leaveToken(run, carrier, { flows: run.ir.outgoing(node.id) });
}

export function enterInclusive(run: Run, move: Move, node: Node): void {
  const token = createToken(run, move, 'join');
  let carrier = token;
  const fork = token.forks.at(-1);
  if (run.ir.incoming(node.id).length > 1 && fork) {
    const group = waitingAt(run, token).filter((t) => t.forks.at(-1)?.forkId === fork.forkId);
    if (group.length < fork.width) return;
    carrier = merge(run, group);
    carrier.forks = carrier.forks.slice(0, -1);
  }
  const choice = choose(run, node, carrier, false);
  if (!choice) return;
  const splits = run.ir.outgoing(node.id).length > 1;
  const forks = splits ? [...carrier.forks, { forkId: carrier.id, width: choice.flows.length }] : carrier.forks;
  leaveToken(run, carrier, { flows: choice.flows, forks });
}
