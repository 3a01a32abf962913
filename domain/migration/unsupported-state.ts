// Parts of a case's state that migration does not move yet. The engine gained signals, compensation
// event sub-processes and multi-instance steps after migration was designed; until `migrateState` re-arms them, a case
// holding any of them is refused whole (`not-supported`) rather than moved with stale node ids.
import type { EngineState } from '../engine/engine-state.ts';
import type { IrIndex } from '../engine/ir-index.ts';
import type { MigrationRefusal } from '../contract/migration.ts';

export function unsupportedState(state: EngineState, to: IrIndex): MigrationRefusal[] {
  const refusals: MigrationRefusal[] = [];
  const refuse = (elementId: string | undefined, message: string) =>
    refusals.push({ code: 'not-supported', ...(elementId ? { elementId } : {}), message });
  for (const token of Object.values(state.tokens)) {
    if (token.wait === 'multi-instance') refuse(token.nodeId, `The case is inside a multi-instance step (${token.nodeId}); migration does not move its instances yet.`);
  }
  for (const wait of Object.values(state.signals ?? {})) {
    refuse(wait.nodeId, `The case waits for the signal "${wait.signalName}"; migration does not move signal waits yet.`);
  }
  for (const eventId of Object.keys(state.compensation?.runs ?? {})) {
    refuse(undefined, `The case is undoing steps (compensation thrown at ${eventId}); migrate it once the undo steps are done.`);
  }
  for (const steps of Object.values(state.compensation?.log ?? {})) {
    for (const step of steps) {
      for (const id of [step.nodeId, step.handler]) {
        if (id && !to.node(id)) refuse(id, `A completed step that can be undone (${id}) has no element of that id in the new version, so a later compensation could not find it.`);
      }
    }
  }
  const armed = [...Object.values(state.subscriptions), ...Object.values(state.timers)].filter((wait) => wait.purpose === 'event-sub-process');
  for (const wait of armed) {
    if (!to.node(wait.nodeId)) refuse(wait.nodeId, `An event sub-process start (${wait.nodeId}) is armed in the case but the new version has no element of that id.`);
  }
  return refusals;
}
