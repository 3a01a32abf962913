// The `casemap` command as npm runs it: the file package.json's "bin" names, started by plain Node.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin?: Record<string, string> };

describe('the casemap command', () => {
  it('prints every command for --help through the file npm links as `casemap`', async () => {
    const bin = packageJson.bin?.casemap;
    expect(bin).toBeDefined();
    const { stdout } = await run(process.execPath, [bin as string, '--help'], { cwd: repoRoot });
    expect(stdout).toMatch(/^Usage: casemap <command>/);
    for (const command of ['start', 'serve', 'worker', 'provision', 'lint', 'help']) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});
