// The one loop that enters nodes: makes every queued move of a start or step until each token
// waits on something or the case ends. Only start and step call it, so no node kind calls back here.
import { failCase } from './case-outcome.ts';
import { advanceLoops } from './multi-instance.ts';
import { enterNode } from './nodes.ts';
import { isRunning, type Run } from './run.ts';
import { scopeAlive } from './scopes.ts';
import { completeEmptyScopes } from './sub-processes.ts';

/** Moves one step may make without any token waiting before it is judged to loop for ever. */
export const MAX_MOVES = 10_000;

/** Makes every queued move; when none is left, moves idle multi-instance bodies on and completes emptied sub-processes (and then the case). */
export function drain(run: Run): void {
  while (isRunning(run)) {
    const move = run.queue.shift();
    if (!move) {
      if (advanceLoops(run) || completeEmptyScopes(run)) continue;
      return;
    }
    // A move into a scope cancelled meanwhile (an interrupting boundary) is dropped with it.
    if (!scopeAlive(run, move.scopeId)) continue;
    run.moves += 1;
    if (run.moves > MAX_MOVES) {
      failCase(
        run,
        `The case moved through ${MAX_MOVES} steps without waiting for anything, near ${run.ir.label(move.nodeId)}: check the loop there has a step that waits or a way out.`,
        move.nodeId,
      );
      return;
    }
    enterNode(run, move);
  }
}
