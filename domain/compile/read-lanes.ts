// Lanes (nested through child lane sets) mapped to teams, and for each flow node the innermost
// lane that holds it; a lane's team is casework:team, else its name, else its id.
import type { Lane } from '../process/ir.ts';
import { type Element, child, children, text } from './moddle-access.ts';

export interface LaneIndex {
  lanes: Lane[];
  /** Flow node id → innermost lane id. */
  laneOfNode: Map<string, string>;
  byId: Map<string, Lane>;
}

/** Lane sets can nest only as deep as the file allows (input limits cap depth). */
export function readLanes(container: Element, processId: string, index: LaneIndex): void {
  const visit = (laneSet: Element, parentLaneId: string | undefined) => {
    for (const lane of children(laneSet, 'lanes')) {
      if (typeof lane.id !== 'string' || index.byId.has(lane.id)) continue;
      const name = text(lane, 'name');
      const read: Lane = {
        id: lane.id,
        ...(name ? { name } : {}),
        processId,
        ...(parentLaneId ? { parentLaneId } : {}),
        team: text(lane, 'casework:team') ?? name ?? lane.id,
      };
      index.lanes.push(read);
      index.byId.set(read.id, read);
      // Outer lanes are visited first, so inner lanes overwrite them: the innermost wins.
      for (const node of children(lane, 'flowNodeRef')) {
        if (typeof node.id === 'string') index.laneOfNode.set(node.id, read.id);
      }
      const childSet = child(lane, 'childLaneSet');
      if (childSet) visit(childSet, read.id);
    }
  };
  for (const laneSet of children(container, 'laneSets')) visit(laneSet, undefined);
}

export const emptyLaneIndex = (): LaneIndex => ({ lanes: [], laneOfNode: new Map(), byId: new Map() });
