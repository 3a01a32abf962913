// When a case moves from one team to another the receiving team must accept it in time, or the
// case waits unowned between teams; the handoff SLA is the deadline for that acceptance.
import { describe, element, flowGraph, is, mention, teamOf, text, type BpmnElement } from './support/bpmn-element.ts';
import type { RuleFactory } from './support/rule.ts';

interface Sender {
  readonly step: BpmnElement;
  readonly team: string;
}

// The steps a case can come from, looking back through gateways (they route, they do no work).
function sendersOf(task: BpmnElement): Sender[] {
  const container = task.$parent;
  if (!container) return [];
  const graph = flowGraph(container);
  const senders: Sender[] = [];
  const seen = new Set<BpmnElement>([task]);
  const queue: BpmnElement[] = [task];
  while (queue.length > 0) {
    const current = queue.shift() as BpmnElement;
    for (const flow of graph.incoming(current)) {
      const source = element(flow, 'sourceRef');
      if (!source || seen.has(source)) continue;
      seen.add(source);
      if (is(source, 'bpmn:Gateway')) {
        queue.push(source);
        continue;
      }
      const team = teamOf(source);
      if (team) senders.push({ step: is(source, 'bpmn:BoundaryEvent') ? (element(source, 'attachedToRef') ?? source) : source, team });
    }
  }
  return senders;
}

const handoffAcceptanceSla: RuleFactory = () => ({
  meta: { description: 'A user task that receives a case from another team has a handoff acceptance SLA.' },
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask') || !node.id) return;
    const team = teamOf(node);
    if (!team) return;
    const sender = sendersOf(node).find((candidate) => candidate.team !== team);
    if (!sender) return;
    // A value that is present but unreadable is timer-parses' finding, so it is reported once.
    if (text(node, 'casework:handoffSla')) return;
    const from = `team "${sender.team}" (${mention(sender.step)})`;
    reporter.report(
      node.id,
      `${describe(node)} receives the case from ${from} but has no handoff SLA: set casework:handoffSla to how long team "${team}" has to accept the case, e.g. P2D.`,
    );
  },
});

export default handoffAcceptanceSla;
