// A blank executable process to start drawing from, and the definition id a diagram deploys as.
export const NEW_DIAGRAM_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_new" targetNamespace="https://casemap.dev/processes">
  <bpmn:process id="Process_new" name="New casework process" isExecutable="true">
    <bpmn:startEvent id="StartEvent_new" name="Case received" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_new">
    <bpmndi:BPMNPlane id="BPMNPlane_new" bpmnElement="Process_new">
      <bpmndi:BPMNShape id="StartEvent_new_di" bpmnElement="StartEvent_new">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

const DEFINITION_ID = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;

export function isDefinitionId(value: string): boolean {
  return DEFINITION_ID.test(value);
}

/** A definition id suggested from a process id or file name: `Process_referral` → `referral`. */
export function suggestDefinitionId(source: string): string {
  const cleaned = source
    .replace(/\.(bpmn|xml)$/i, '')
    .replace(/^Process_/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 100);
  return cleaned || 'process';
}
