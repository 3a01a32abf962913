// A link event is a "go to" inside one process or sub-process: a throwing link jumps to the one
// catching link of the same name in the same scope, so a missing or doubled catch is a broken jump.
import { describe, elements, is, isInExecutableProcess, mention, text, type BpmnElement } from './support/bpmn-element.ts';
import type { RuleFactory } from './support/rule.ts';

/** The link name of an intermediate event, or undefined when it is no link event. */
function linkOf(node: BpmnElement): { name: string | undefined } | undefined {
  const definition = elements(node, 'eventDefinitions').find((candidate) => is(candidate, 'bpmn:LinkEventDefinition'));
  return definition ? { name: text(definition, 'name') } : undefined;
}

const linkEventsMatch: RuleFactory = () => ({
  meta: { description: 'Every throwing link event has exactly one catching link event of the same name in its process or sub-process.' },
  check(scope, reporter) {
    if (!(is(scope, 'bpmn:Process') || is(scope, 'bpmn:SubProcess')) || !scope.id) return;
    if (is(scope, 'bpmn:Process') ? scope.isExecutable !== true : !isInExecutableProcess(scope)) return;
    const nodes = elements(scope, 'flowElements');
    const catches = new Map<string, BpmnElement[]>();
    for (const node of nodes.filter((n) => is(n, 'bpmn:IntermediateCatchEvent'))) {
      const link = linkOf(node);
      if (!link || !node.id) continue;
      if (link.name === undefined) reporter.report(node.id, `${describe(node)} is a link event without a link name: name it as the throwing link event that jumps here is named.`);
      else catches.set(link.name, [...(catches.get(link.name) ?? []), node]);
    }
    const where = is(scope, 'bpmn:SubProcess') ? mention(scope) : 'the process';
    for (const [name, found] of catches) {
      if (found.length < 2) continue;
      for (const node of found) {
        reporter.report(node.id as string, `${describe(node)} is one of ${found.length} catching link events named "${name}" in ${where}: a jump must have one place to land, so rename all but one.`);
      }
    }
    for (const node of nodes.filter((n) => is(n, 'bpmn:IntermediateThrowEvent'))) {
      const link = linkOf(node);
      if (!link || !node.id) continue;
      if (link.name === undefined) {
        reporter.report(node.id, `${describe(node)} is a link event without a link name: give it the name of the catching link event it jumps to.`);
      } else if (!catches.has(link.name)) {
        reporter.report(node.id, `${describe(node)} jumps to the link "${link.name}", but ${where} has no catching link event of that name: add one, or correct the name (links only jump within one process or sub-process).`);
      }
    }
  },
});

export default linkEventsMatch;
