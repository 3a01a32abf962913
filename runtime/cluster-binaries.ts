// Finds or builds the full Temporal server and its SQL schema tool for the cluster topology
// (docs/operations.md): the dev server inside the CLI is one process on SQLite, so production
// runs the real services, built from the Go module proxy once and cached in .tools/.
import { join } from 'node:path';
import { goInstall, isExecutable, toolsCache } from './tools-cache.ts';

export const TEMPORAL_SERVER_VERSION = '1.32.2';

export interface ClusterBinaries {
  /** `temporal-server`: runs any of frontend, history, matching, worker. */
  server: string;
  /** `temporal-sql-tool`: applies the versioned schemas it embeds (`--schema-name postgresql/v12/…`). */
  sqlTool: string;
}

export class ClusterBinariesMissing extends Error {
  readonly code = 'cluster-binaries-missing';
  constructor(looked: string[], cause?: unknown) {
    super(
      `The Temporal server ${TEMPORAL_SERVER_VERSION} binaries are not built. Looked in:\n` +
        looked.map((place) => `  - ${place}`).join('\n') +
        `\nRun \`npm run provision:cluster\` (needs Go and the Go module proxy; about 5 minutes on 2 cores), ` +
        `or set TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH.`,
      { cause },
    );
  }
}

const binDir = () => join(toolsCache, `temporal-server-${TEMPORAL_SERVER_VERSION}`, 'bin');
const MODULE = 'go.temporal.io/server';

/**
 * The server and SQL tool: from TEMPORAL_SERVER_PATH / TEMPORAL_SQL_TOOL_PATH, else the tools cache,
 * else (when `install`) built with `go install` into the cache. Never rebuilt when present.
 */
export function requireClusterBinaries(options: { install?: boolean; log?: (line: string) => void } = {}): ClusterBinaries {
  const log = options.log ?? (() => {});
  const install = options.install ?? false;
  const server = process.env.TEMPORAL_SERVER_PATH ?? join(binDir(), 'server');
  const sqlTool = process.env.TEMPORAL_SQL_TOOL_PATH ?? join(binDir(), 'sql');
  const looked = [`${server} (TEMPORAL_SERVER_PATH or the tools cache)`, `${sqlTool} (TEMPORAL_SQL_TOOL_PATH or the tools cache)`];
  if (!(isExecutable(server) && isExecutable(sqlTool))) {
    if (!install || process.env.TEMPORAL_SERVER_PATH) throw new ClusterBinariesMissing(looked);
    log(`Building Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool with go install into ${binDir()} (about 5 minutes) …`);
    try {
      goInstall([`${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`], binDir(), { stderr: 'inherit' });
    } catch (error) {
      throw new ClusterBinariesMissing([...looked, `go install ${MODULE}/cmd/{server,tools/sql}@v${TEMPORAL_SERVER_VERSION} (failed)`], error);
    }
    if (!(isExecutable(server) && isExecutable(sqlTool))) throw new ClusterBinariesMissing(looked);
  }
  return { server, sqlTool };
}
