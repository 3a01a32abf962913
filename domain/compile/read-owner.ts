// Who owns a step: casework:team/role; else the Camunda 8 or 7 candidate group (first one) and
// assignee; else the team of the innermost lane holding it. The source is kept for designers.
import type { Lane, Owner } from '../process/ir.ts';
import { isFeelMarked } from './feel-syntax.ts';
import { type Element, commaList, extension, text } from './moddle-access.ts';

const firstGroup = (groups: string | undefined): string | undefined =>
  groups === undefined ? undefined : isFeelMarked(groups) ? groups : commaList(groups)[0];

export function readOwner(node: Element, lane: Lane | undefined): Owner | undefined {
  const role = text(node, 'casework:role');
  const zeebe = extension(node, 'zeebe:AssignmentDefinition');
  const zeebeAssignee = zeebe && text(zeebe, 'assignee');
  const camundaAssignee = text(node, 'camunda:assignee');
  const assignee = zeebeAssignee ?? camundaAssignee;
  const extra = { ...(role ? { role } : {}), ...(assignee ? { assignee } : {}) };

  const team = text(node, 'casework:team');
  if (team) return { team, ...extra, source: 'casework' };
  const zeebeGroup = zeebe && firstGroup(text(zeebe, 'candidateGroups'));
  if (zeebeGroup) return { team: zeebeGroup, ...extra, source: 'zeebe' };
  const camundaGroup = firstGroup(text(node, 'camunda:candidateGroups'));
  if (camundaGroup) return { team: camundaGroup, ...extra, source: 'camunda' };
  if (lane) return { team: lane.team, ...extra, source: 'lane' };
  return undefined;
}
