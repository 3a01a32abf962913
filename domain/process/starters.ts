// Who may start a case of a process: the teams the process names, else the team of the lane its
// start event sits in, else the teams that own its user tasks. A case starts into those teams'
// queues, so a person of another team must not be able to start one.
import type { Node, ProcessIR } from './ir.ts';

/** The teams allowed to start a case at `startEvent`; empty when the process names no team at all. */
export function startingTeams(ir: ProcessIR, startEvent: Node | undefined): string[] {
  const processId = startEvent?.processId ?? ir.mainProcessId;
  const named = ir.processes.find((process) => process.id === processId)?.starters;
  if (named && named.length > 0) return [...named];
  const lane = startEvent?.laneId ? ir.lanes.find((candidate) => candidate.id === startEvent.laneId) : undefined;
  if (lane) return [lane.team];
  if (startEvent?.owner) return [startEvent.owner.team];
  const owners = ir.nodes.filter((node) => node.processId === processId && node.kind === 'userTask' && node.owner).map((node) => node.owner!.team);
  return [...new Set(owners)];
}
