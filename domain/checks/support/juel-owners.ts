// A user task's Camunda 7 owners written in JUEL (`camunda:assignee="${initiator}"`,
// `camunda:candidateGroups="fno-returns,${team}"`) and what Casemap can make of each. One reading
// for `casemap lint --fix` (camunda7-rewrites.ts), which rewrites what converts, and for the check
// that names what it cannot (juel-owners.ts), so the two never disagree.
import { text, type BpmnElement } from './bpmn-element.ts';
import { isJuel } from './feel.ts';
import { convertJuelBody, juelBody, juelToFeel, type JuelConversion } from './juel-to-feel.ts';

export interface JuelAssignee {
  readonly juel: string;
  /** The FEEL assignee it becomes (`=initiator`), or the part that does not convert and why. */
  readonly conversion: JuelConversion;
}

export interface JuelCandidateGroup {
  /** One group of the list, as written (`${team}`). */
  readonly juel: string;
  /** Why its JUEL would not convert either, beyond the group being computed at all. */
  readonly problem?: string;
}

const COMPUTED = /[$#]\{/;

/** The task's camunda:assignee when it is JUEL. */
export function juelAssignee(task: BpmnElement): JuelAssignee | undefined {
  const assignee = text(task, 'camunda:assignee');
  return assignee && isJuel(assignee) ? { juel: assignee, conversion: juelToFeel(assignee) } : undefined;
}

/** The groups of camunda:candidateGroups, split into the literal team names and the JUEL ones. */
export function candidateGroups(task: BpmnElement): { literal: string[]; computed: JuelCandidateGroup[] } {
  const groups = text(task, 'camunda:candidateGroups');
  if (!groups || groups.startsWith('=')) return { literal: [], computed: [] };
  const parts = groups.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const computed = parts.filter((part) => COMPUTED.test(part)).map((part) => {
    const body = juelBody(part);
    const feel = body === undefined ? undefined : convertJuelBody(body);
    return feel?.ok === false ? { juel: part, problem: feel.reason } : { juel: part };
  });
  return { literal: parts.filter((part) => !COMPUTED.test(part)), computed };
}

/** Why a computed candidate group cannot become a Casemap owner, for a designer. */
export function computedGroupReason(group: JuelCandidateGroup, team: string | undefined): string {
  const why = group.problem ? `${group.problem}; and ` : '';
  return `${why}a Casemap step belongs to one fixed team${team ? ` (here "${team}")` : ''}, not one computed from case data; route the case with a gateway to steps owned by each team instead`;
}
