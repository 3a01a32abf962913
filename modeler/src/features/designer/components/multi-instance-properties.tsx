// A multi-instance step in the properties panel: the list it runs over, what each instance calls its
// item, where the instances' results are gathered, and when the step may stop early.
import type MultiInstance from '../bpmn/multi-instance/multi-instance.ts';
import type { MultiInstanceField } from '../bpmn/multi-instance/multi-instance.ts';
import type { DiagramElement } from '../bpmn/services.ts';
import { TextProperty } from './property-inputs.tsx';

const FIELDS: { field: MultiInstanceField; id: string; label: string; hint: string }[] = [
  { field: 'inputCollection', id: 'prop-input-collection', label: 'Input collection', hint: 'A FEEL list, one instance per item, e.g. =dependants' },
  { field: 'inputElement', id: 'prop-input-element', label: 'Input element', hint: 'The name each instance sees its item as, e.g. dependant' },
  { field: 'outputCollection', id: 'prop-output-collection', label: 'Output collection', hint: 'The case data field the results are gathered into, in item order, e.g. dependantChecks' },
  { field: 'outputElement', id: 'prop-output-element', label: 'Output element', hint: 'FEEL for what each instance adds to the output collection, e.g. =check' },
  { field: 'completionCondition', id: 'prop-completion-condition', label: 'Completion condition', hint: 'FEEL; when it holds the open instances are cancelled, e.g. =numberOfCompletedInstances >= 2' },
];

export function MultiInstanceProperties({ element, service }: { element: DiagramElement; service: MultiInstance }) {
  return (
    <fieldset className="multi-instance">
      <legend>Multi-instance</legend>
      {FIELDS.map(({ field, id, label, hint }) => (
        <TextProperty key={`${element.id}-${field}`} id={id} label={label} hint={hint} value={service.value(element, field)} onCommit={(value) => service.set(element, field, value)} />
      ))}
    </fieldset>
  );
}
