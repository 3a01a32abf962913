// The three process shapes the engine benchmark runs, as BPMN: ten automated steps in a row, five
// caseworker steps in a row, and ten automated steps forked in parallel and joined.
const head = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_bench" targetNamespace="https://casemap.dev/bench">`;

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

function chain(id: string, name: string, count: number, step: (index: number) => string): string {
  const flows = ['Start', ...range(count).map((index) => `Step_${index}`), 'End'];
  return `${head}
  <bpmn:process id="${id}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="Start" />
    ${range(count).map(step).join('\n    ')}
    <bpmn:endEvent id="End" />
    ${flows.slice(1).map((target, index) => `<bpmn:sequenceFlow id="Flow_${index}" sourceRef="${flows[index]}" targetRef="${target}" />`).join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`;
}

export interface Shape {
  key: 'sequential-services' | 'user-tasks' | 'parallel-services';
  label: string;
  definitionId: string;
  steps: number;
  xml: string;
}

export const SEQUENTIAL_STEPS = 10;
export const USER_TASKS = 5;
export const PARALLEL_STEPS = 10;

export const shapes: Shape[] = [
  {
    key: 'sequential-services',
    label: `(a) ${SEQUENTIAL_STEPS} sequential service tasks`,
    definitionId: 'Bench_sequential_services',
    steps: SEQUENTIAL_STEPS,
    xml: chain('Bench_sequential_services', 'Sequential service tasks', SEQUENTIAL_STEPS, (index) => `<bpmn:serviceTask id="Step_${index}" name="Automated step ${index}" casework:handler="noop" />`),
  },
  {
    key: 'user-tasks',
    label: `(b) ${USER_TASKS} user tasks via Updates`,
    definitionId: 'Bench_user_tasks',
    steps: USER_TASKS,
    xml: chain('Bench_user_tasks', 'User tasks', USER_TASKS, (index) => `<bpmn:userTask id="Step_${index}" name="Caseworker step ${index}" />`),
  },
  {
    key: 'parallel-services',
    label: `(c) parallel fork of ${PARALLEL_STEPS} service tasks`,
    definitionId: 'Bench_parallel_services',
    steps: PARALLEL_STEPS,
    xml: `${head}
  <bpmn:process id="Bench_parallel_services" name="Parallel service tasks" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:parallelGateway id="Fork" />
    <bpmn:parallelGateway id="Join" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="Flow_start" sourceRef="Start" targetRef="Fork" />
    <bpmn:sequenceFlow id="Flow_end" sourceRef="Join" targetRef="End" />
    ${range(PARALLEL_STEPS)
      .map(
        (index) => `<bpmn:serviceTask id="Step_${index}" name="Automated step ${index}" casework:handler="noop" />
    <bpmn:sequenceFlow id="Flow_fork_${index}" sourceRef="Fork" targetRef="Step_${index}" />
    <bpmn:sequenceFlow id="Flow_join_${index}" sourceRef="Step_${index}" targetRef="Join" />`,
      )
      .join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`,
  },
];
