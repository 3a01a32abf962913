// A business rule task's called decision in the properties panel: which DMN decision it evaluates,
// picked from the decisions open beside the diagram when there are any, and the case data field
// its result is stored in.
import type CalledDecision from '../bpmn/called-decision/called-decision.ts';
import type { DiagramElement } from '../bpmn/services.ts';
import type { DecisionChoice } from '../dmn/decision-choices.ts';
import { ChoiceProperty, TextProperty } from './property-inputs.tsx';

export function CalledDecisionProperties({ element, service, decisions }: { element: DiagramElement; service: CalledDecision; decisions: readonly DecisionChoice[] }) {
  const decisionId = service.value(element, 'decisionId');
  const known = decisions.some((decision) => decision.id === decisionId);
  const options = [
    { value: '', label: 'Choose a decision' },
    ...decisions.map((decision) => ({ value: decision.id, label: decision.name ? `${decision.name} (${decision.id})` : decision.id })),
    // a decision deployed with an earlier version, or not yet opened, stays chosen and says so
    ...(decisionId && !known ? [{ value: decisionId, label: `${decisionId} (not in the decisions below)` }] : []),
  ];
  return (
    <fieldset className="called-decision">
      <legend>Called decision</legend>
      {decisions.length > 0 ? (
        <ChoiceProperty id="prop-decision-id" label="Decision" value={decisionId} options={options} onCommit={(value) => service.set(element, 'decisionId', value)} />
      ) : (
        <TextProperty
          key={`${element.id}-decision-id`}
          id="prop-decision-id"
          label="Decision id"
          hint="The id of a DMN decision deployed with the process; open its DMN file in the Decisions panel to pick it from a list."
          value={decisionId}
          onCommit={(value) => service.set(element, 'decisionId', value)}
        />
      )}
      <TextProperty
        key={`${element.id}-result-variable`}
        id="prop-result-variable"
        label="Result variable"
        hint="The case data field the decision's result is stored in, e.g. ersEligibility."
        value={service.value(element, 'resultVariable')}
        onCommit={(value) => service.set(element, 'resultVariable', value)}
      />
    </fieldset>
  );
}
