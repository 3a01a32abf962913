// Signals a case throws: each becomes its own broadcast workflow, started as an abandoned child so
// it outlives the case, under an id made from the engine's broadcast id, so a replayed or retried
// start finds the broadcast already running instead of starting a second.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { EngineCommand } from '../domain/engine/contract.ts';
import { workflowIdForBroadcast } from './case-api.ts';
import type { signalBroadcastWorkflow } from './signal-broadcast-workflow.ts';

export class SignalBroadcasts {
  private starting = 0;

  start(command: Extract<EngineCommand, { type: 'broadcastSignal' }>): void {
    this.starting += 1;
    void startChild<typeof signalBroadcastWorkflow>('signalBroadcastWorkflow', {
      workflowId: workflowIdForBroadcast(command.broadcastId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [{ broadcastId: command.broadcastId, signalName: command.signalName, data: command.data }],
    })
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      })
      .finally(() => {
        this.starting -= 1;
      });
  }

  /** True once every broadcast asked for has started (a case must not end before). */
  settled(): boolean {
    return this.starting === 0;
  }
}
