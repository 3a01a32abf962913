// One test run for the whole repository, in two projects:
// - unit: pure tests beside their code (`*.test.ts` outside tests/), no servers;
// - integration: tests/ against a real Temporal dev server (provisioned once by the global setup)
//   and a real database.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{domain,workflows,activities,api,services,storage,runtime,demo,stack,modeler,bin,processes,bench}/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // Every success body is checked against its route's response schema (api/routes/response-check.ts).
          env: { CASEMAP_CHECK_RESPONSES: 'true' },
        },
      },
    ],
  },
});
