// Process definitions as the API answers about them: the list, drafts, versions, the deploy check
// and its reply, and the difference between two versions.
import { z } from 'zod';
import { ProcessIR } from '../process/ir.ts';

export const DefinitionSummary = z.object({
  id: z.string(),
  name: z.string(),
  latestVersion: z.number().int().nullable(),
  deployedAt: z.string().nullable(),
  hasDraft: z.boolean(),
});
export type DefinitionSummary = z.infer<typeof DefinitionSummary>;

export const DefinitionList = z.object({ items: z.array(DefinitionSummary) });
export type DefinitionList = z.infer<typeof DefinitionList>;

/** Work in progress kept on the server, unchecked and undeployed. */
export const Draft = z.object({ definitionId: z.string(), name: z.string(), xml: z.string(), svg: z.string().nullable(), updatedAt: z.string() });
export type Draft = z.infer<typeof Draft>;

export const VersionSummary = z.object({ version: z.number().int(), irHash: z.string(), note: z.string().nullable(), deployedBy: z.string().nullable(), deployedAt: z.string() });
export type VersionSummary = z.infer<typeof VersionSummary>;

export const VersionList = z.object({ items: z.array(VersionSummary) });
export type VersionList = z.infer<typeof VersionList>;

/** A deployed version with its compiled process. */
export const DeployedVersion = z.object({
  definitionId: z.string(),
  version: z.number().int(),
  irHash: z.string(),
  ir: ProcessIR,
  name: z.string(),
  note: z.string().nullable(),
  deployedBy: z.string().nullable(),
  deployedAt: z.string(),
});
export type DeployedVersion = z.infer<typeof DeployedVersion>;

/** One finding at deploy time: the element at fault, a stable code and a sentence for the designer. */
export const DeployIssue = z.object({ elementId: z.string().optional(), code: z.string(), message: z.string() });
export type DeployIssue = z.infer<typeof DeployIssue>;

export const DeployCheckReply = z.object({ errors: z.array(DeployIssue), warnings: z.array(DeployIssue), irHash: z.string(), nodes: z.number().int() });
export type DeployCheckReply = z.infer<typeof DeployCheckReply>;

export const DeployReply = z.object({
  definitionId: z.string(),
  version: z.number().int(),
  irHash: z.string(),
  created: z.boolean(),
  warnings: z.array(DeployIssue),
  /** The Temporal schedules that now start cases at this version's timer start events. */
  timerStartSchedules: z.array(z.string()),
});
export type DeployReply = z.infer<typeof DeployReply>;

const ElementChange = z.object({
  id: z.string(),
  name: z.string().optional(),
  type: z.string(),
  /** Property names whose values differ, e.g. `name`, `owner`, `sla`, `form`, `target`. */
  changed: z.array(z.string()),
});

export const VersionDiff = z.object({
  definitionId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(ElementChange),
  removed: z.array(ElementChange),
  changed: z.array(ElementChange),
});
export type VersionDiff = z.infer<typeof VersionDiff>;
