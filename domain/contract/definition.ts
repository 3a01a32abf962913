// Process definitions as the API takes and answers them: the list, drafts, versions, the deploy
// check and its reply, the difference between two versions, and the requests that change them.
import { z } from 'zod';
import { MAX_DMN_BYTES } from '../dmn/read-dmn.ts';
import { ProcessIR } from '../process/ir.ts';
import { DefinitionId, VersionNumber } from './request-fields.ts';

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

/** The largest diagram the API accepts. */
const MAX_BPMN_CHARS = 5_000_000;
const Xml = z.string().min(1).max(MAX_BPMN_CHARS, `A diagram may be at most ${MAX_BPMN_CHARS} characters`);
const Svg = z.string().max(MAX_BPMN_CHARS).startsWith('<', 'An SVG picture is XML text');
/** A DMN file deployed with the diagram: its decisions are versioned with the process. */
const DmnFile = z.object({ xml: z.string().min(1).max(MAX_DMN_BYTES, `A DMN file may be at most ${MAX_DMN_BYTES} characters`) }).strict();

/** A diagram to compile and check without deploying it. */
export const CheckRequest = z.object({ xml: Xml }).strict();
export type CheckRequest = z.input<typeof CheckRequest>;

export const DeployRequest = z.object({ id: DefinitionId, name: z.string().min(1).max(200).optional(), xml: Xml, svg: Svg.optional(), note: z.string().max(2000).optional(), dmn: z.array(DmnFile).max(20).optional() }).strict();
export type DeployRequest = z.input<typeof DeployRequest>;

export const DraftRequest = z.object({ name: z.string().min(1).max(200), xml: Xml, svg: Svg.optional() }).strict();
export type DraftRequest = z.input<typeof DraftRequest>;

/** The two versions a difference is asked between. */
export const DiffQuery = z.object({ from: VersionNumber, to: VersionNumber });
export type DiffQuery = z.input<typeof DiffQuery>;
