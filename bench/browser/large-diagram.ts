// A BPMN diagram of about `elements` elements with its drawing (DI), for the Designer benchmark: a
// start event, a chain of user tasks laid out in rows of 20 (each with an SLA, so it passes the
// casework checks), an end event, and the flows between them.
const PER_ROW = 20;
const X0 = 200;
const Y0 = 100;
const STEP_X = 150;
const STEP_Y = 140;

export function largeDiagram(elements: number): { xml: string; lastId: string } {
  const tasks = Math.max(1, Math.floor((elements - 3) / 2)); // tasks + 2 events, and one flow less than shapes
  const ids = ['Start_bench', ...Array.from({ length: tasks }, (_, i) => `Task_${i + 1}`), 'End_bench'];
  const position = (index: number) => ({ x: X0 + (index % PER_ROW) * STEP_X, y: Y0 + Math.floor(index / PER_ROW) * STEP_Y });
  const nodes: string[] = [];
  const shapes: string[] = [];
  const flows: string[] = [];
  const edges: string[] = [];
  ids.forEach((id, index) => {
    const { x, y } = position(index);
    const event = index === 0 || index === ids.length - 1;
    const [width, height] = event ? [36, 36] : [100, 80];
    const incoming = index > 0 ? `<bpmn:incoming>Flow_${index}</bpmn:incoming>` : '';
    const outgoing = index < ids.length - 1 ? `<bpmn:outgoing>Flow_${index + 1}</bpmn:outgoing>` : '';
    if (index === 0) nodes.push(`<bpmn:startEvent id="${id}" name="Referral received">${outgoing}</bpmn:startEvent>`);
    else if (event) nodes.push(`<bpmn:endEvent id="${id}" name="Case closed">${incoming}</bpmn:endEvent>`);
    else nodes.push(`<bpmn:userTask id="${id}" name="Casework step ${index}" casework:sla="P5D">${incoming}${outgoing}</bpmn:userTask>`);
    shapes.push(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y + (event ? 22 : 0)}" width="${width}" height="${height}" /></bpmndi:BPMNShape>`);
    if (index === 0) return;
    const from = position(index - 1);
    flows.push(`<bpmn:sequenceFlow id="Flow_${index}" sourceRef="${ids[index - 1]}" targetRef="${id}" />`);
    const points = from.y === y ? [[from.x + 100, y + 40], [x, y + 40]] : [[from.x + 50, from.y + 80], [from.x + 50, y - 20], [x + 50, y - 20], [x + 50, y]];
    edges.push(`<bpmndi:BPMNEdge id="Flow_${index}_di" bpmnElement="Flow_${index}">${points.map(([px, py]) => `<di:waypoint x="${px}" y="${py}" />`).join('')}</bpmndi:BPMNEdge>`);
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_bench" targetNamespace="https://casemap.dev/bench">
  <bpmn:process id="Process_bench" name="Benchmark casework" isExecutable="true">
    ${nodes.join('\n    ')}
    ${flows.join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_bench"><bpmndi:BPMNPlane id="Plane_bench" bpmnElement="Process_bench">
    ${shapes.join('\n    ')}
    ${edges.join('\n    ')}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
  return { xml, lastId: 'End_bench' };
}
