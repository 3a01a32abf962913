// A small diagram whose every step sits in one lane of FNO Returns Command (team fno-returns, which
// tom and lena belong to), for integration tests that deploy a process of their own: the test
// writes only the elements it is about, and the lane lists them, so none is left without a team.
export interface FnoReturnsDiagram {
  /** Suffix of the definitions, process and lane set ids (`Process_<id>`). */
  id: string;
  /** The process name, as the designer sees it. */
  name: string;
  /** The process's flow nodes and sequence flows, as BPMN XML. */
  elements: string;
}

/** The ids of the flow nodes in `elements` (everything with an id but sequence flows), for the lane. */
function flowNodeIds(elements: string): string[] {
  return [...elements.matchAll(/<bpmn:(\w+) id="([^"]+)"/g)].filter(([, kind]) => kind !== 'sequenceFlow').map(([, , id]) => id as string);
}

export function fnoReturnsDiagram({ id, name, elements }: FnoReturnsDiagram): string {
  const refs = flowNodeIds(elements).map((node) => `        <bpmn:flowNodeRef>${node}</bpmn:flowNodeRef>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_${id}" targetNamespace="https://casemap.dev/tests">
  <bpmn:process id="Process_${id}" name="${name}" isExecutable="true">
    <bpmn:laneSet id="LaneSet_${id}">
      <bpmn:lane id="Lane_returns" name="FNO Returns Command" casework:team="fno-returns">
${refs.join('\n')}
      </bpmn:lane>
    </bpmn:laneSet>
${elements}
  </bpmn:process>
</bpmn:definitions>`;
}
