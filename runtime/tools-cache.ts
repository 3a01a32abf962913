// The repo's tools cache (.tools/, or CASEMAP_TOOLS_DIR), where the Temporal binaries are found or
// installed: what the dev server's and the cluster's finders (temporal-binaries.ts,
// cluster-binaries.ts) share; each decides where it looks and in which order.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const toolsCache = process.env.CASEMAP_TOOLS_DIR ?? join(repoRoot, '.tools');

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds Go packages (`module/cmd/x@vN`) into `binDir` with `go install`; throws when Go is missing
 * or the build fails. GOTOOLCHAIN=auto: a module may need a newer Go than Debian ships; the proxy
 * serves it. `stderr: 'inherit'` shows Go's own progress for a long build.
 */
export function goInstall(packages: string[], binDir: string, options: { stderr?: 'inherit' | 'pipe' } = {}): void {
  mkdirSync(binDir, { recursive: true });
  execFileSync('go', ['install', ...packages], {
    env: { ...process.env, GOTOOLCHAIN: 'auto', GOBIN: binDir },
    stdio: ['ignore', 'ignore', options.stderr ?? 'pipe'],
    cwd: binDir,
  });
}
