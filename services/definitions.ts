// Process definitions: drafts, deployed versions and their downloads. A deploy stores a new
// version unless its IR is already the latest (then that version is the answer).
import type { Database } from '../storage/database.ts';
import { deployVersion, findDeployedVersion, findDraft, findMessageStarts, findVersionSvg, findVersionXml, listDefinitions, listVersions, saveDraft, type DeployRequest, type MessageStart } from '../storage/definition-store.ts';
import type { DefinitionSummary, DeployedVersion, Draft, VersionSummary } from '../domain/contract/definition.ts';

export type { DeployRequest, MessageStart };

export interface Deployed {
  version: DeployedVersion;
  /** False when the same IR was already the latest version. */
  created: boolean;
  /** Whether this version is the process's latest now (a redeploy of an older diagram is not). */
  latest: boolean;
}

export async function deployDefinition(db: Database, request: DeployRequest): Promise<Deployed> {
  const { version, created } = await deployVersion(db, request);
  const latest = await findDeployedVersion(db, version.definitionId);
  return { version, created, latest: latest?.version === version.version };
}

export async function allDefinitions(db: Database): Promise<DefinitionSummary[]> {
  return listDefinitions(db);
}

/** A deployed version by number, or the latest when `version` is omitted. */
export async function deployedVersion(db: Database, definitionId: string, version?: number): Promise<DeployedVersion | null> {
  return findDeployedVersion(db, definitionId, version);
}

export async function versionHistory(db: Database, definitionId: string): Promise<VersionSummary[]> {
  return listVersions(db, definitionId);
}

export async function versionXml(db: Database, definitionId: string, version: number): Promise<string | null> {
  return findVersionXml(db, definitionId, version);
}

export async function versionSvg(db: Database, definitionId: string, version: number): Promise<string | null> {
  return findVersionSvg(db, definitionId, version);
}

export async function keepDraft(db: Database, draft: { definitionId: string; name: string; xml: string; svg?: string }): Promise<Draft> {
  return saveDraft(db, draft);
}

export async function draftOf(db: Database, definitionId: string): Promise<Draft | null> {
  return findDraft(db, definitionId);
}

/** The latest versions with a top-level message start event for `messageName`. */
export async function messageStartsFor(db: Database, messageName: string): Promise<MessageStart[]> {
  return findMessageStarts(db, messageName);
}
