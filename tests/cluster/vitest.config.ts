// The cluster topology under faults (issue #19): `npm run test:cluster`, after `npm run
// provision:cluster` has built the Temporal server into .tools/. Kept out of `npm test` while one
// of its runs still ends with a case stuck after a claim whose answer was lost (see issue #19's
// closing note): a test that fails one run in two is a bug to fix, not a gate to flip.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Paths below are from the repository root, not this folder.
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/cluster/*.run.ts'],
    testTimeout: 1_200_000,
    hookTimeout: 600_000,
    pool: 'forks',
    env: { CASEMAP_CHECK_RESPONSES: 'true' },
  },
});
