// A Camunda 7 assignee or candidate group written in JUEL (`${initiator}`, `${team}`) is read by
// Casemap as a plain name, so the step would wait for a person or team of that name. `casemap lint
// --fix` rewrites an assignee it can; this check names each one, the attribute holding it and what
// to do, and is an error when the expression is all that would decide the step's team.
import { describe, extensionValues, is, isInExecutableProcess, laneOf, teamOfLane, text, type BpmnElement } from './support/bpmn-element.ts';
import { candidateGroups, computedGroupReason, juelAssignee } from './support/juel-owners.ts';
import type { RuleFactory } from './support/rule.ts';

/** The team the compiler gives the step (domain/compile/read-owner.ts): its own, a Camunda 8 or 7 group, else its lane's. */
function teamOfStep(task: BpmnElement): string | undefined {
  const zeebe = extensionValues(task).find((value) => is(value, 'zeebe:AssignmentDefinition'));
  const firstOf = (groups: string | undefined) => groups?.split(',').map((group) => group.trim()).find((group) => group !== '');
  return text(task, 'casework:team') ?? firstOf(text(zeebe, 'candidateGroups')) ?? firstOf(text(task, 'camunda:candidateGroups')) ?? teamOfLane(laneOf(task));
}

const juelOwners: RuleFactory = () => ({
  meta: { description: 'A user task takes no assignee or candidate group from a Camunda 7 JUEL expression, which Casemap would read as a name.' },
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask') || !isInExecutableProcess(node) || !node.id) return;
    const { computed } = candidateGroups(node);
    const team = teamOfStep(node);
    // The step still has a real team when its team is not itself one of the JUEL groups.
    const realTeam = team !== undefined && !computed.some((group) => group.juel === team) ? team : undefined;
    const severity = realTeam ? 'warn' : 'error';

    const assignee = juelAssignee(node);
    const conversion = assignee?.conversion;
    if (assignee && conversion?.ok) {
      reporter.report(
        node.id,
        `The assignee of ${describe(node)} (camunda:assignee) is the JUEL expression "${assignee.juel}", which Casemap would take as a person's name: rewrite it as "${conversion.feel}" (casemap lint --fix does).`,
        { severity: 'warn' },
      );
    } else if (assignee && conversion && !conversion.ok) {
      reporter.report(
        node.id,
        `The assignee of ${describe(node)} (camunda:assignee) is the JUEL expression "${assignee.juel}", which casemap lint --fix cannot convert: "${conversion.part}" — ${conversion.reason}. Write the assignee as a FEEL expression starting with "=", or remove it so the step waits in its team's queue${realTeam ? ` ("${realTeam}")` : ''}.`,
        { severity },
      );
    }
    const fallback = realTeam ? `; until then the step goes to team "${realTeam}"` : `; as it stands the step waits for a team named "${team ?? ''}", which nobody is in`;
    for (const group of computed) {
      reporter.report(
        node.id,
        `The candidate group "${group.juel}" of ${describe(node)} (camunda:candidateGroups) is a JUEL expression, which casemap lint --fix cannot convert: ${computedGroupReason(group, undefined)}${fallback}.`,
        { severity },
      );
    }
  },
});

export default juelOwners;
