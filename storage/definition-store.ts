// Process definitions: a draft being drawn, and numbered deployed versions pinned by IR hash.
import { ProcessIR } from '../domain/process/ir.ts';
import type { DefinitionSummary, DeployedVersion, Draft, VersionSummary } from '../domain/contract/definition.ts';
import type { Database, Sql } from './database.ts';

export type { DeployedVersion };

export interface DeployRequest {
  definitionId: string;
  name: string;
  xml: string;
  ir: ProcessIR;
  note?: string;
  deployedBy?: string;
  svg?: string;
}

/** Deploys a new version, unless the same IR is already the latest version (then returns it). */
export async function deployVersion(db: Database, request: DeployRequest): Promise<{ version: DeployedVersion; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO definitions (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
      [request.definitionId, request.name],
    );
    // Lock the definition row so two deploys at once get consecutive version numbers.
    await tx.query('SELECT id FROM definitions WHERE id = $1 FOR UPDATE', [request.definitionId]);
    const latest = await latestVersion(tx, request.definitionId);
    if (latest && latest.irHash === request.ir.hash) return { version: latest, created: false };
    const version = (latest?.version ?? 0) + 1;
    await tx.query(
      `INSERT INTO definition_versions (definition_id, version, ir_hash, bpmn_xml, ir, note, deployed_by, svg)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [request.definitionId, version, request.ir.hash, request.xml, JSON.stringify(request.ir), request.note ?? null, request.deployedBy ?? null, request.svg ?? null],
    );
    const created = await latestVersion(tx, request.definitionId);
    return { version: created!, created: true };
  });
}

const versionColumns = `v.definition_id, v.version, v.ir_hash, v.ir, v.note, v.deployed_by, v.deployed_at, d.name`;

interface VersionRow {
  definition_id: string;
  version: number;
  ir_hash: string;
  ir: unknown;
  note: string | null;
  deployed_by: string | null;
  deployed_at: string;
  name: string;
}

function toVersion(row: VersionRow): DeployedVersion {
  return {
    definitionId: row.definition_id,
    version: row.version,
    irHash: row.ir_hash,
    ir: ProcessIR.parse(row.ir),
    name: row.name,
    note: row.note,
    deployedBy: row.deployed_by,
    deployedAt: row.deployed_at,
  };
}

async function latestVersion(sql: Sql, definitionId: string): Promise<DeployedVersion | null> {
  const rows = await sql.query<VersionRow>(
    `SELECT ${versionColumns} FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
     WHERE v.definition_id = $1 ORDER BY v.version DESC LIMIT 1`,
    [definitionId],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

/** A deployed version by number, or the latest when `version` is omitted. */
export async function findDeployedVersion(sql: Sql, definitionId: string, version?: number): Promise<DeployedVersion | null> {
  if (version === undefined) return latestVersion(sql, definitionId);
  const rows = await sql.query<VersionRow>(
    `SELECT ${versionColumns} FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
     WHERE v.definition_id = $1 AND v.version = $2`,
    [definitionId, version],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

/** Whether any version of the process is deployed, without reading its IR. */
export async function hasDeployedVersion(sql: Sql, definitionId: string): Promise<boolean> {
  const rows = await sql.query('SELECT 1 FROM definition_versions WHERE definition_id = $1 LIMIT 1', [definitionId]);
  return rows.length > 0;
}

export async function findVersionXml(sql: Sql, definitionId: string, version: number): Promise<string | null> {
  const rows = await sql.query<{ bpmn_xml: string }>('SELECT bpmn_xml FROM definition_versions WHERE definition_id = $1 AND version = $2', [definitionId, version]);
  return rows[0]?.bpmn_xml ?? null;
}

export async function listDefinitions(sql: Sql): Promise<DefinitionSummary[]> {
  const rows = await sql.query<{ id: string; name: string; latest_version: number | null; deployed_at: string | null; has_draft: boolean }>(
    `SELECT d.id, d.name, max(v.version) AS latest_version, max(v.deployed_at) AS deployed_at, d.draft_xml IS NOT NULL AS has_draft
     FROM definitions d LEFT JOIN definition_versions v ON v.definition_id = d.id
     GROUP BY d.id ORDER BY d.name`,
  );
  return rows.map((row) => ({ id: row.id, name: row.name, latestVersion: row.latest_version, deployedAt: row.deployed_at, hasDraft: row.has_draft }));
}

export async function findVersionSvg(sql: Sql, definitionId: string, version: number): Promise<string | null> {
  const rows = await sql.query<{ svg: string | null }>('SELECT svg FROM definition_versions WHERE definition_id = $1 AND version = $2', [definitionId, version]);
  return rows[0]?.svg ?? null;
}

export async function listVersions(sql: Sql, definitionId: string): Promise<VersionSummary[]> {
  return sql.query<VersionSummary>(
    `SELECT version, ir_hash AS "irHash", note, deployed_by AS "deployedBy", deployed_at AS "deployedAt"
     FROM definition_versions WHERE definition_id = $1 ORDER BY version DESC`,
    [definitionId],
  );
}

export async function saveDraft(sql: Sql, draft: { definitionId: string; name: string; xml: string; svg?: string }): Promise<Draft> {
  const [row] = await sql.query<Draft>(
    `INSERT INTO definitions (id, name, draft_xml, draft_svg, draft_updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, draft_xml = EXCLUDED.draft_xml, draft_svg = EXCLUDED.draft_svg, draft_updated_at = now()
     RETURNING id AS "definitionId", name, draft_xml AS xml, draft_svg AS svg, draft_updated_at AS "updatedAt"`,
    [draft.definitionId, draft.name, draft.xml, draft.svg ?? null],
  );
  return row!;
}

export async function findDraft(sql: Sql, definitionId: string): Promise<Draft | null> {
  const [row] = await sql.query<Draft>(
    `SELECT id AS "definitionId", name, draft_xml AS xml, draft_svg AS svg, draft_updated_at AS "updatedAt" FROM definitions WHERE id = $1 AND draft_xml IS NOT NULL`,
    [definitionId],
  );
  return row ?? null;
}

/** A top-level start event of a latest deployed version that a message or a signal starts. */
export interface TriggeredStart {
  definitionId: string;
  startEventId: string;
}
export type MessageStart = TriggeredStart;

/** Where the IR keeps the name a start event's trigger listens for. */
const TRIGGER_NAME = { message: 'messageName', signal: 'signalName' } as const;

/**
 * The latest deployed versions whose main process has a top-level start event of `trigger` for
 * `name`, read from the compiled IR (no second record to keep in step with deploys): a message of
 * that name awaited by no case, or any broadcast of that signal, starts a case of each.
 */
async function findTriggeredStarts(sql: Sql, trigger: keyof typeof TRIGGER_NAME, name: string): Promise<TriggeredStart[]> {
  return sql.query<TriggeredStart>(
    `SELECT v.definition_id AS "definitionId", n.node->>'id' AS "startEventId"
     FROM definition_versions v
     JOIN (SELECT definition_id, max(version) AS version FROM definition_versions GROUP BY definition_id) latest
       ON latest.definition_id = v.definition_id AND latest.version = v.version
     CROSS JOIN LATERAL jsonb_array_elements(v.ir->'nodes') AS n(node)
     WHERE n.node->>'kind' = 'startEvent' AND n.node->>'processId' = v.ir->>'mainProcessId' AND NOT (n.node ? 'parentId')
       AND n.node->'trigger'->>'type' = $1 AND n.node->'trigger'->>$2 = $3
     ORDER BY v.definition_id, n.node->>'id'`,
    [trigger, TRIGGER_NAME[trigger], name],
  );
}

export async function findMessageStarts(sql: Sql, messageName: string): Promise<MessageStart[]> {
  return findTriggeredStarts(sql, 'message', messageName);
}

export async function findSignalStarts(sql: Sql, signalName: string): Promise<TriggeredStart[]> {
  return findTriggeredStarts(sql, 'signal', signalName);
}
