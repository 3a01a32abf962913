// Hand-built versions of small processes for the migration tests: each wait kind (user task,
// timer, message, sub-process, parallel join) in a version 1 and a changed version 2.
import type { ProcessIR } from '../../../domain/process/ir.ts';
import { ir, message, team, timer } from '../../../domain/engine/ir-builder.testing.ts';
import { deployVersion } from '../../../storage/definition-store.ts';
import type { Database } from '../../../storage/database.ts';

/** A distinct hash per version, so the store keeps both. */
function versioned(process: ProcessIR, name: string): ProcessIR {
  return { ...process, hash: name, mainProcessId: 'p' };
}

const A = team('fno-returns');

export const migrationProcesses = {
  userTask: {
    v1: () => versioned(ir().node('s', 'startEvent').node('assess', 'userTask', { name: 'Assess', owner: A }).node('e', 'endEvent').seq('s', 'assess', 'e').build(), 'user-task-v1'),
    v2: () =>
      versioned(
        ir().node('s', 'startEvent').node('assess', 'userTask', { name: 'Assess under the new rules', owner: team('barrier-clearance') }).node('check', 'userTask', { name: 'Check', owner: A }).node('e', 'endEvent').seq('s', 'assess', 'check', 'e').build(),
        'user-task-v2',
      ),
  },
  timer: {
    v1: () => versioned(ir().node('s', 'startEvent').node('cool', 'intermediateCatchEvent', { trigger: timer('P30D') }).node('after', 'userTask', { owner: A }).node('e', 'endEvent').seq('s', 'cool', 'after', 'e').build(), 'timer-v1'),
    v2: () => versioned(ir().node('s', 'startEvent').node('cool', 'intermediateCatchEvent', { trigger: timer('PT1S') }).node('after', 'userTask', { owner: A }).node('e', 'endEvent').seq('s', 'cool', 'after', 'e').build(), 'timer-v2'),
  },
  message: {
    v1: () => versioned(ir().node('s', 'startEvent').node('docs', 'intermediateCatchEvent', { trigger: message('documents') }).node('e', 'endEvent').seq('s', 'docs', 'e').build(), 'message-v1'),
    v2: () =>
      versioned(
        ir().node('s', 'startEvent').node('docs', 'receiveTask', { trigger: message('travel-document') }).node('after', 'userTask', { owner: A }).node('e', 'endEvent').seq('s', 'docs', 'after', 'e').build(),
        'message-v2',
      ),
  },
  subProcess: {
    v1: () =>
      versioned(
        ir()
          .node('s', 'startEvent').node('prepare', 'subProcess').node('e', 'endEvent')
          .node('ps', 'startEvent', { parentId: 'prepare' }).node('gather', 'userTask', { parentId: 'prepare', owner: A }).node('pe', 'endEvent', { parentId: 'prepare' })
          .seq('s', 'prepare', 'e').seq('ps', 'gather', 'pe')
          .build(),
        'sub-process-v1',
      ),
    v2: () =>
      versioned(
        ir()
          .node('s', 'startEvent').node('prepare2', 'subProcess').node('after', 'userTask', { owner: A }).node('e', 'endEvent')
          .node('ps', 'startEvent', { parentId: 'prepare2' }).node('gather2', 'userTask', { parentId: 'prepare2', owner: A }).node('pe', 'endEvent', { parentId: 'prepare2' })
          .seq('s', 'prepare2', 'after', 'e').seq('ps', 'gather2', 'pe')
          .build(),
        'sub-process-v2',
      ),
  },
  parallel: {
    v1: () =>
      versioned(
        ir()
          .node('s', 'startEvent').node('fork', 'parallelGateway').node('risk', 'userTask', { owner: A }).node('escort', 'userTask', { owner: A }).node('join', 'parallelGateway').node('e', 'endEvent')
          .seq('s', 'fork', 'risk', 'join', 'e').seq('fork', 'escort', 'join')
          .build(),
        'parallel-v1',
      ),
    v2: () =>
      versioned(
        ir()
          .node('s', 'startEvent').node('fork', 'parallelGateway').node('risk', 'userTask', { owner: A }).node('escort', 'userTask', { owner: A }).node('join', 'parallelGateway')
          .node('book', 'userTask', { owner: A }).node('e', 'endEvent')
          .seq('s', 'fork', 'risk', 'join', 'book', 'e').seq('fork', 'escort', 'join')
          .build(),
        'parallel-v2',
      ),
  },
} as const;

export type MigrationProcess = keyof typeof migrationProcesses;

/** Deploys a hand-built version straight into the store (the API would want BPMN XML). */
export async function deployIr(db: Database, definitionId: string, process: ProcessIR): Promise<number> {
  const { version } = await deployVersion(db, { definitionId, name: definitionId, xml: '<hand-built/>', ir: process });
  return version.version;
}
