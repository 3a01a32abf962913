// Exports a case log as OCEL 2.0 JSON: cases, tasks and teams as objects, every log event related to them.
import type { CaseLogEvent } from '../../events/case-log-event.ts';
import { buildTraces } from '../case-traces.ts';

interface OcelObject {
  id: string;
  type: 'case' | 'task' | 'team';
  attributes: { name: string; time: string; value: string }[];
  relationships: { objectId: string; qualifier: string }[];
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** Task events are typed by step ("Refer case", "Refer case (claimed)"); other events by their kind. */
export function exportOcel(log: readonly CaseLogEvent[]): object {
  const objects = new Map<string, OcelObject>();
  const object = (id: string, type: OcelObject['type'], attributes: OcelObject['attributes'] = [], relationships: OcelObject['relationships'] = []) => {
    if (!objects.has(id)) objects.set(id, { id, type, attributes, relationships });
    return id;
  };
  for (const trace of buildTraces(log)) {
    object(`case:${trace.caseId}`, 'case', [
      { name: 'definitionId', time: EPOCH, value: trace.definitionId ?? '' },
      { name: 'version', time: EPOCH, value: String(trace.version ?? '') },
      { name: 'outcome', time: EPOCH, value: trace.outcome },
    ]);
  }
  const names = new Map<string, string>();
  const eventTypes = new Set<string>();
  const events = log.map((event) => {
    const caseObject = `case:${event.caseId}`;
    const relationships = [{ objectId: caseObject, qualifier: 'case' }];
    let type: string = event.kind;
    if (event.taskId) {
      const taskObject = `task:${event.caseId}:${event.taskId}`;
      if (event.kind === 'task-ready') {
        names.set(taskObject, event.task?.name ?? event.nodeId ?? event.taskId);
        object(taskObject, 'task', [
          { name: 'name', time: EPOCH, value: names.get(taskObject)! },
          { name: 'nodeId', time: EPOCH, value: event.nodeId ?? '' },
          { name: 'dueAt', time: EPOCH, value: event.task?.dueAt ?? '' },
        ], [{ objectId: caseObject, qualifier: 'part of' }]);
      }
      const name = names.get(taskObject);
      if (name !== undefined) {
        relationships.push({ objectId: taskObject, qualifier: 'task' });
        const suffix = { 'task-ready': ' (ready)', 'task-claimed': ' (claimed)', 'task-completed': '', 'task-cancelled': ' (cancelled)' }[event.kind as string];
        if (suffix !== undefined) type = name + suffix;
      }
    }
    if (event.team) relationships.push({ objectId: object(`team:${event.team}`, 'team', [{ name: 'name', time: EPOCH, value: event.team }]), qualifier: 'team' });
    eventTypes.add(type);
    const attributes = [{ name: 'kind', value: event.kind }, ...(event.actor ? [{ name: 'actor', value: event.actor }] : []), ...(event.nodeId ? [{ name: 'nodeId', value: event.nodeId }] : [])];
    return { id: event.id, type, time: event.at, attributes, relationships };
  });
  return {
    objectTypes: [
      { name: 'case', attributes: [{ name: 'definitionId', type: 'string' }, { name: 'version', type: 'string' }, { name: 'outcome', type: 'string' }] },
      { name: 'task', attributes: [{ name: 'name', type: 'string' }, { name: 'nodeId', type: 'string' }, { name: 'dueAt', type: 'string' }] },
      { name: 'team', attributes: [{ name: 'name', type: 'string' }] },
    ],
    eventTypes: [...eventTypes].sort().map((name) => ({ name, attributes: [{ name: 'kind', type: 'string' }, { name: 'actor', type: 'string' }, { name: 'nodeId', type: 'string' }] })),
    objects: [...objects.values()],
    events,
  };
}
