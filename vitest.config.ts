// One test run for the whole repository: pure unit tests beside their code, integration and
// browser tests under tests/. The global setup provisions a real Temporal dev server once.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'workflows/**/*.test.ts', 'activities/**/*.test.ts', 'api/**/*.test.ts', 'storage/**/*.test.ts', 'runtime/**/*.test.ts', 'modeler/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
