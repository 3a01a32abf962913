// Turns a discovered process tree into a BPMN diagram (user tasks joined by exclusive and parallel gateways, loops as a join before and a split after the body), laid out by bpmn-auto-layout.
import { layoutProcess } from 'bpmn-auto-layout';
import type { ProcessTree } from './process-tree.ts';

interface Node {
  id: string;
  type: 'startEvent' | 'endEvent' | 'userTask' | 'exclusiveGateway' | 'parallelGateway';
  name?: string;
}

/** A fragment's first and last node; null when the fragment is silent (a tau). */
type Fragment = { first: string; last: string } | null;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

class Builder {
  readonly nodes: Node[] = [];
  readonly flows: { id: string; from: string; to: string }[] = [];
  private seen = new Set<string>();
  private counter = 0;

  node(type: Node['type'], name?: string): string {
    this.counter += 1;
    const prefix = type === 'userTask' ? 'Activity' : type.endsWith('Gateway') ? 'Gateway' : 'Event';
    const id = `${prefix}_${this.counter}`;
    this.nodes.push({ id, type, ...(name === undefined ? {} : { name }) });
    return id;
  }

  flow(from: string, to: string): void {
    const key = `${from}>${to}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.flows.push({ id: `Flow_${this.flows.length + 1}`, from, to });
  }

  /** Connects `from` to a fragment (or straight to `to` through a silent one). */
  build(tree: ProcessTree): Fragment {
    switch (tree.kind) {
      case 'tau':
        return null;
      case 'activity': {
        const id = this.node('userTask', tree.name);
        return { first: id, last: id };
      }
      case 'sequence': {
        let result: Fragment = null;
        for (const child of tree.children) {
          const part = this.build(child);
          if (!part) continue;
          if (result) this.flow(result.last, part.first);
          result = result ? { first: result.first, last: part.last } : part;
        }
        return result;
      }
      case 'xor':
      case 'parallel': {
        const type = tree.kind === 'xor' ? 'exclusiveGateway' : 'parallelGateway';
        const split = this.node(type);
        const join = this.node(type);
        for (const child of tree.children) {
          const part = this.build(child);
          if (part) {
            this.flow(split, part.first);
            this.flow(part.last, join);
          } else this.flow(split, join);
        }
        return { first: split, last: join };
      }
      case 'loop': {
        const join = this.node('exclusiveGateway');
        const split = this.node('exclusiveGateway');
        const body = this.build(tree.body);
        if (body) {
          this.flow(join, body.first);
          this.flow(body.last, split);
        } else this.flow(join, split);
        const redo = this.build(tree.redo);
        if (redo) {
          this.flow(split, redo.first);
          this.flow(redo.last, join);
        } else this.flow(split, join);
        return { first: join, last: split };
      }
    }
  }
}

/** BPMN 2.0 XML without layout: one process, a start event, the tree, an end event. */
export function processTreeToBpmnXml(tree: ProcessTree, options: { processId?: string; name?: string } = {}): string {
  const b = new Builder();
  const start = b.node('startEvent', 'Case received');
  const body = b.build(tree);
  const end = b.node('endEvent', 'Case closed');
  if (body) {
    b.flow(start, body.first);
    b.flow(body.last, end);
  } else b.flow(start, end);
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const f of b.flows) {
    outgoing.set(f.from, [...(outgoing.get(f.from) ?? []), f.id]);
    incoming.set(f.to, [...(incoming.get(f.to) ?? []), f.id]);
  }
  const processId = options.processId ?? 'Process_discovered';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_discovered" targetNamespace="http://bpmn.io/schema/bpmn">',
    `  <bpmn:process id="${escape(processId)}" name="${escape(options.name ?? 'Discovered process')}" isExecutable="true">`,
  ];
  for (const n of b.nodes) {
    const name = n.name === undefined ? '' : ` name="${escape(n.name)}"`;
    const refs = [...(incoming.get(n.id) ?? []).map((id) => `<bpmn:incoming>${id}</bpmn:incoming>`), ...(outgoing.get(n.id) ?? []).map((id) => `<bpmn:outgoing>${id}</bpmn:outgoing>`)].join('');
    lines.push(`    <bpmn:${n.type} id="${n.id}"${name}>${refs}</bpmn:${n.type}>`);
  }
  for (const f of b.flows) lines.push(`    <bpmn:sequenceFlow id="${f.id}" sourceRef="${f.from}" targetRef="${f.to}" />`);
  lines.push('  </bpmn:process>', '</bpmn:definitions>', '');
  return lines.join('\n');
}

/** The tree as BPMN XML with diagram interchange, ready to open in the Designer. */
export async function processTreeToBpmn(tree: ProcessTree, options: { processId?: string; name?: string } = {}): Promise<string> {
  return layoutProcess(processTreeToBpmnXml(tree, options));
}
