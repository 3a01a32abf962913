import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { discoverProcessTree } from './inductive-miner.ts';
import { processTreeToBpmn } from './process-tree-bpmn.ts';

type El = { $type: string; id: string; name?: string; incoming?: El[]; outgoing?: El[]; sourceRef?: El; targetRef?: El };

async function read(xml: string) {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const definitions = rootElement as unknown as { rootElements: { $type: string; flowElements: El[] }[]; diagrams: { plane: { planeElement: { bpmnElement: El }[] } }[] };
  const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process')!;
  const nodes = process.flowElements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const flows = process.flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const drawn = new Set(definitions.diagrams[0]!.plane.planeElement.map((p) => p.bpmnElement.id));
  return { nodes, flows, drawn };
}

const log = (...traces: string[]) => traces.map((t) => ({ activities: t.split(' '), count: 1 }));

describe('process tree to BPMN', () => {
  it('draws a parallel split and join between the steps that run in either order, laid out', async () => {
    const xml = await processTreeToBpmn(discoverProcessTree(log('a b c d', 'a c b d')));
    const { nodes, flows, drawn } = await read(xml);
    const gateways = nodes.filter((n) => n.$type === 'bpmn:ParallelGateway');
    expect(gateways).toHaveLength(2);
    expect(gateways[0]!.outgoing!.map((f) => f.targetRef!.name).sort()).toEqual(['b', 'c']);
    expect(nodes.filter((n) => n.$type === 'bpmn:UserTask').map((n) => n.name).sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const element of [...nodes, ...flows]) expect(drawn.has(element.id)).toBe(true);
  });

  it('draws a loop as an exclusive join before the body and a split after it that leads back through the redo step', async () => {
    const xml = await processTreeToBpmn(discoverProcessTree(log('a b d', 'a b c b d')));
    const { nodes } = await read(xml);
    const b = nodes.find((n) => n.name === 'b')!;
    const join = b.incoming![0]!.sourceRef!;
    const split = b.outgoing![0]!.targetRef!;
    expect([join.$type, split.$type]).toEqual(['bpmn:ExclusiveGateway', 'bpmn:ExclusiveGateway']);
    expect(split.outgoing!.map((f) => f.targetRef!.name).sort()).toEqual(['c', 'd']);
    expect(nodes.find((n) => n.name === 'c')!.outgoing![0]!.targetRef).toBe(join);
  });

  it('gives every step a path from the start event and to the end event (no dead ends)', async () => {
    const xml = await processTreeToBpmn(discoverProcessTree(log('r x y p', 'r y x p', 'r x y q x y p', 's', 'r x y')));
    const { nodes } = await read(xml);
    const start = nodes.find((n) => n.$type === 'bpmn:StartEvent')!;
    const end = nodes.find((n) => n.$type === 'bpmn:EndEvent')!;
    const reach = (from: El, next: (e: El) => El[]) => {
      const seen = new Set<string>([from.id]);
      const stack = [from];
      while (stack.length) {
        for (const n of next(stack.pop()!)) {
          if (seen.has(n.id)) continue;
          seen.add(n.id);
          stack.push(n);
        }
      }
      return seen;
    };
    const forward = reach(start, (e) => (e.outgoing ?? []).map((f) => f.targetRef!));
    const backward = reach(end, (e) => (e.incoming ?? []).map((f) => f.sourceRef!));
    for (const n of nodes) expect([forward.has(n.id), backward.has(n.id)]).toEqual([true, true]);
  });
});
