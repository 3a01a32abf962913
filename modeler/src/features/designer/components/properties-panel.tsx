// The casework properties of the selected element: who owns the step, how long it may take, what
// the caseworker fills in, what it measures, which decision a business rule task calls. Edits go
// through the command stack (see bpmn/casework-properties, bpmn/called-decision, bpmn/multi-instance), so Ctrl+Z on the
// canvas undoes them.
import type Modeler from 'bpmn-js/lib/Modeler';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type CalledDecision from '../bpmn/called-decision/called-decision.ts';
import type MultiInstance from '../bpmn/multi-instance/multi-instance.ts';
import type CaseworkProperties from '../bpmn/casework-properties/casework-properties.ts';
import type { CaseworkAttribute } from '../bpmn/casework-properties/casework-properties.ts';
import type { DiagramElement } from '../bpmn/services.ts';
import type { DecisionChoice } from '../dmn/decision-choices.ts';

interface ElementRegistry {
  filter(match: (element: DiagramElement & { parent?: unknown }) => boolean): DiagramElement[];
}
import { ChoiceProperty, TextProperty } from './property-inputs.tsx';
import { FormFieldsEditor } from './form-fields-editor.tsx';
import { CalledDecisionProperties } from './called-decision-properties.tsx';
import { MultiInstanceProperties } from './multi-instance-properties.tsx';

type IsTarget = Parameters<typeof is>[0];
const isA = (element: DiagramElement, type: string) => is(element as unknown as IsTarget, type);

const CALENDAR_OPTIONS = [
  { value: '', label: 'Inherit (process default)' },
  { value: 'working-days', label: 'Working days' },
  { value: 'calendar-days', label: 'Calendar days' },
];

const typeLabel = (element: DiagramElement) => element.businessObject.$type.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');

/** `decisions`: those of the DMN open in the Decisions panel, which a business rule task may call. */
export function PropertiesPanel({ modeler, selected, revision, decisions }: { modeler: Modeler; selected: DiagramElement | undefined; revision: number; decisions: readonly DecisionChoice[] }) {
  const props = modeler.get<CaseworkProperties>('caseworkProperties');
  // Not canvas.getRootElement(): before an import has set a root it creates one, firing diagram
  // events (and so editor state updates) in the middle of this render.
  const root = modeler.get<ElementRegistry>('elementRegistry').filter((candidate) => !candidate.parent)[0];
  const element = selected ?? (root && isA(root, 'bpmn:Process') ? root : undefined);
  if (!element) {
    return (
      <aside className="properties-panel" aria-label="Casework properties">
        <h2>Properties</h2>
        <p className="muted">Select a step, lane or pool to edit its casework properties.</p>
      </aside>
    );
  }
  const id = (name: string) => `prop-${name}`;
  const attr = (name: CaseworkAttribute, label: string, hint?: string, placeholder?: string) => (
    <TextProperty key={`${element.id}-${name}`} id={id(name)} label={label} hint={hint} placeholder={placeholder} value={props.attribute(element, name)} onCommit={(value) => props.setAttribute(element, name, value)} />
  );
  const isActivity = isA(element, 'bpmn:Activity');
  const isStep = isA(element, 'bpmn:FlowNode');
  const processLevel = isA(element, 'bpmn:Participant') || isA(element, 'bpmn:Process');

  return (
    <aside className="properties-panel" aria-label="Casework properties" data-revision={revision}>
      <h2>Properties</h2>
      <p className="muted">
        {typeLabel(element)} <code>{element.id}</code>
      </p>
      {!isA(element, 'bpmn:Process') ? <TextProperty key={`${element.id}-name`} id={id('name')} label="Name" value={element.businessObject.name ?? ''} onCommit={(value) => props.setName(element, value)} /> : null}
      {isA(element, 'bpmn:Lane') ? attr('team', 'Owner team', 'Every step in this lane belongs to this team unless the step says otherwise.') : null}
      {processLevel ? (
        <>
          <ChoiceProperty id={id('process-calendar')} label="Process calendar" value={props.processAttribute(element, 'calendar')} options={CALENDAR_OPTIONS} onCommit={(value) => props.setProcessAttribute(element, 'calendar', value)} />
          <TextProperty key={`${element.id}-watchdog`} id={id('watchdog')} label="Watchdog (no progress for)" hint="ISO 8601 duration, e.g. P20D" value={props.processAttribute(element, 'watchdog')} onCommit={(value) => props.setProcessAttribute(element, 'watchdog', value)} />
        </>
      ) : null}
      {isStep && isActivity ? (
        <>
          {attr('team', 'Owner team', 'Leave empty to use the lane’s team.')}
          {attr('role', 'Role')}
          {attr('sla', 'SLA', 'ISO 8601 duration (P5D) or a FEEL expression starting with =', 'P5D')}
          <ChoiceProperty id={id('calendar')} label="SLA calendar" value={props.attribute(element, 'calendar')} options={CALENDAR_OPTIONS} onCommit={(value) => props.setAttribute(element, 'calendar', value)} />
          {attr('handoffSla', 'Handoff SLA', 'How long the receiving team has to accept the case, e.g. P2D')}
          {attr('kpis', 'KPI tags', 'Comma-separated, e.g. ers-window, first-time-right')}
          {attr('captures', 'Captures (case data)', 'Comma-separated data names this step records')}
        </>
      ) : null}
      {isA(element, 'bpmn:ServiceTask') || isA(element, 'bpmn:SendTask') ? attr('handler', 'Service handler', 'The registered handler name, e.g. notify-travel-contractor') : null}
      {isA(element, 'bpmn:BusinessRuleTask') ? <CalledDecisionProperties element={element} service={modeler.get<CalledDecision>('calledDecision')} decisions={decisions} /> : null}
      {isActivity && modeler.get<MultiInstance>('multiInstance').marker(element) ? <MultiInstanceProperties element={element} service={modeler.get<MultiInstance>('multiInstance')} /> : null}
      {isA(element, 'bpmn:UserTask') ? <FormFieldsEditor elementId={element.id} fields={props.formFields(element)} onChange={(fields) => props.setFormFields(element, fields)} /> : null}
    </aside>
  );
}
