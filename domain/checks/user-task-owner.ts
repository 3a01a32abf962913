// A user task nobody owns sits in no inbox: the inspection's "cases without a clear owner".
import { describe, extensionValues, is, isInExecutableProcess, laneOf, teamOfLane, text } from './support/bpmn-element.ts';
import type { RuleFactory } from './support/rule.ts';

const ASSIGNMENT_ATTRIBUTES = ['camunda:assignee', 'camunda:candidateGroups', 'camunda:candidateUsers'];
const ZEEBE_ATTRIBUTES = ['assignee', 'candidateGroups', 'candidateUsers'];

const userTaskOwner: RuleFactory = () => ({
  meta: { description: 'Every user task in an executable process has an owning team or assignee.' },
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask') || !isInExecutableProcess(node) || !node.id) return;
    if (text(node, 'casework:team') || teamOfLane(laneOf(node))) return;
    if (ASSIGNMENT_ATTRIBUTES.some((attribute) => text(node, attribute))) return;
    const zeebeAssignment = extensionValues(node).find((value) => is(value, 'zeebe:AssignmentDefinition'));
    if (ZEEBE_ATTRIBUTES.some((attribute) => text(zeebeAssignment, attribute))) return;
    reporter.report(
      node.id,
      `${describe(node)} has no owner: set its team (casework:team), draw it in a team's lane, or give it candidate groups or an assignee, so the case lands in someone's inbox.`,
    );
  },
});

export default userTaskOwner;
