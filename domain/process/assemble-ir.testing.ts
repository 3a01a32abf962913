// One process IR around hand-built nodes, flows and lanes, for the test and benchmark builders that
// skip the compiler; the collections they never fill stay empty here, in one place.
import { ProcessIR } from './ir.ts';

export interface HandBuiltProcess {
  readonly hash: string;
  readonly processId: string;
  readonly name?: string;
  readonly nodes: readonly Record<string, unknown>[];
  readonly flows: readonly Record<string, unknown>[];
  readonly lanes: readonly Record<string, unknown>[];
}

export function assembleIr({ hash, processId, name, nodes, flows, lanes }: HandBuiltProcess): ProcessIR {
  const named = name === undefined ? {} : { name };
  return ProcessIR.parse({
    schemaVersion: 1,
    hash,
    ...named,
    mainProcessId: processId,
    processes: [{ id: processId, ...named, isExecutable: true }],
    nodes,
    flows,
    lanes,
    messages: [],
    errors: [],
    escalations: [],
    artifacts: [],
  });
}
