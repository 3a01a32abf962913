// Collaborations and choreographies: which pool shows which process, and the message flows,
// black-box pools, conversations and choreography steps, all kept for mapping only.
import type { Artifact } from '../process/ir.ts';
import type { CompileContext } from './compile-context.ts';
import { reportUnsupported } from './element-support.ts';
import { type Element, children, refId } from './moddle-access.ts';
import { toArtifact } from './read-artifacts.ts';

export interface CollaborationParts {
  /** Process id → the participant (pool) showing it. */
  participantOf: Map<string, string>;
  artifacts: Artifact[];
}

const MAPPED_PROPERTIES = ['messageFlows', 'artifacts', 'conversations', 'conversationLinks', 'conversationAssociations'];

export function readCollaboration(collaboration: Element, parts: CollaborationParts, ctx: CompileContext): void {
  const isChoreography = collaboration.$type === 'bpmn:Choreography';
  for (const participant of children(collaboration, 'participants')) {
    const processId = refId(participant, 'processRef');
    if (processId && typeof participant.id === 'string' && !parts.participantOf.has(processId)) {
      parts.participantOf.set(processId, participant.id);
    } else if (!processId || isChoreography) {
      const artifact = toArtifact(participant, undefined);
      if (artifact) parts.artifacts.push(artifact);
    }
  }
  for (const property of MAPPED_PROPERTIES) {
    for (const element of children(collaboration, property)) {
      const artifact = toArtifact(element, undefined);
      if (artifact) parts.artifacts.push(artifact);
    }
  }
  if (isChoreography) {
    const self = toArtifact(collaboration, undefined);
    if (self) parts.artifacts.push(self);
    for (const element of children(collaboration, 'flowElements')) {
      reportUnsupported(element, undefined, undefined, ctx);
      const artifact = toArtifact(element, undefined);
      if (artifact) parts.artifacts.push(artifact);
    }
  }
}
