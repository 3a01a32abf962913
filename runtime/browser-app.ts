// Builds the browser app with Vite when its bundle is missing or older than its sources, so a
// plain `npm install && npm start` serves a current app without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function buildBrowserApp(repoRoot: string, log: (line: string) => void): Promise<string> {
  const modelerDir = join(repoRoot, 'modeler');
  const outDir = join(modelerDir, 'dist');
  const index = join(outDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestChange(modelerDir)) return outDir;
  log('building the browser app (first start, or its sources changed) …');
  const { build } = await import('vite');
  await build({ configFile: join(modelerDir, 'vite.config.ts'), logLevel: 'warn' });
  return outDir;
}
