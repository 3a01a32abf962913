// A case stuck at a gateway with no way out is silently overlooked; this catches the diagrams
// where that can happen. Several flows without conditions leave the choice to chance (error);
// conditions everywhere but no default leave cases the conditions did not foresee stuck (warning).
import { describe, element, expressionBody, flowGraph, isAny, mention, type BpmnElement } from './support/bpmn-element.ts';
import type { RuleFactory } from './support/rule.ts';

const label = (flow: BpmnElement): string => {
  const target = element(flow, 'targetRef');
  return target ? `the path to ${mention(target)}` : `path ${flow.id ?? ''}`;
};

const list = (flows: readonly BpmnElement[]): string => flows.map(label).join(', ');

const gatewayCoversAllCases: RuleFactory = (config = {}) => {
  const noDefaultSeverity = config.noDefaultSeverity === 'error' ? 'error' : 'warn';
  return {
    meta: { description: 'An exclusive or inclusive gateway always finds a way out: conditions on every path, and a default.' },
    check(node, reporter) {
      if (!isAny(node, ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']) || !node.$parent || !node.id) return;
      const outgoing = flowGraph(node.$parent).outgoing(node);
      if (outgoing.length <= 1) return;
      const defaultFlow = element(node, 'default');
      const unconditioned = outgoing.filter((flow) => flow !== defaultFlow && !expressionBody(element(flow, 'conditionExpression')));
      if (unconditioned.length > 0) {
        const fix = defaultFlow
          ? 'add a condition to each of them (only the default path may go without one)'
          : 'add a condition to each path, or mark one of them as the default path';
        reporter.report(node.id, `${describe(node)} cannot choose between its paths because ${list(unconditioned)} ${unconditioned.length === 1 ? 'has' : 'have'} no condition: ${fix}.`);
        return;
      }
      if (!defaultFlow) {
        reporter.report(
          node.id,
          `${describe(node)} may find no way out: every path has a condition but none is the default, so a case that meets no condition gets stuck. Mark one path as the default.`,
          { severity: noDefaultSeverity },
        );
      }
    },
  };
};

export default gatewayCoversAllCases;
