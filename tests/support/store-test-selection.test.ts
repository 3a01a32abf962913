// CI's second pass (PostgreSQL) runs only the selected test files: a store-touching test left out
// would never meet PostgreSQL, so the selection is checked against the repository and against fixtures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot, selectStoreTests } from './store-test-selection.ts';

function testFilesUnder(folder: string): string[] {
  return readdirSync(join(repositoryRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => `${folder}/${file}`);
}

describe('the PostgreSQL pass of CI', () => {
  const listed = execFileSync('npx', ['tsx', 'tests/support/run-store-tests.ts', '--list'], { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const selected = new Set(listed.trim().split('\n').map((line) => line.split('\t')[0]!));

  it('runs the walking skeleton and every test that starts a test Casemap', () => {
    const startsCasemap = [...testFilesUnder('tests'), ...testFilesUnder('storage')].filter((file) => /import\s*\{[^}]*\bstartTestCasemap\b[^}]*\}\s*from/.test(readFileSync(join(repositoryRoot, file), 'utf8')));
    expect(startsCasemap.length).toBeGreaterThan(10);
    const missing = ['tests/walking-skeleton.test.ts', 'tests/browser/app.test.ts', ...startsCasemap].filter((file) => !selected.has(file));
    expect(missing).toEqual([]);
  });

  it('leaves out the pure unit tests and the engine tests that always open an in-memory PGlite', () => {
    const pure = [...selected].filter((file) => file.startsWith('domain/') || file.startsWith('modeler/'));
    expect(pure).toEqual([]);
    expect(selected.has('tests/workflows/gateways.test.ts')).toBe(false);
  });
});

describe('choosing the tests DATABASE_URL changes', () => {
  const root = mkdtempSync(join(tmpdir(), 'casemap-store-selection-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: true, noEmit: true } }));
  write('storage/database.ts', 'export function open(url?: string) { return url; }\nexport interface Db { url?: string }\n');
  write('runtime/config.ts', 'export const databaseUrl = process.env.DATABASE_URL;\n');
  write('support/stack.ts', "import { open } from '../storage/database.ts';\nimport { databaseUrl } from '../runtime/config.ts';\nexport const db = open(databaseUrl);\n");
  write('through-a-helper.test.ts', "import { db } from './support/stack.ts';\nconsole.log(db);\n");
  write('dynamic-import.test.ts', "const { db } = await import('./support/stack.ts');\nconsole.log(db);\n");
  write('types-only.test.ts', "import type { Db } from './storage/database.ts';\nimport { databaseUrl } from './runtime/config.ts';\nconst db: Db = { url: databaseUrl };\nconsole.log(db);\n");
  write('always-pglite.test.ts', "import { open } from './storage/database.ts';\nconsole.log(open());\n");
  write('sets-it-for-a-child.test.ts', "import { open } from './storage/database.ts';\nconst env = { DATABASE_URL: 'postgres://elsewhere' };\nconsole.log(open(env['X']));\n");
  write('storage/store.test.ts', "import { open } from './database.ts';\nconsole.log(open(process.env['DATABASE_URL']));\n");
  const tests = ['through-a-helper.test.ts', 'dynamic-import.test.ts', 'types-only.test.ts', 'always-pglite.test.ts', 'sets-it-for-a-child.test.ts', 'storage/store.test.ts'].map((file) => join(root, file));
  const selection = selectStoreTests(tests, root);
  const names = (files: string[]) => files.map((file) => file.slice(root.length + 1));

  it('follows static and dynamic imports through helpers to the store and to the setting', () => {
    expect(names(selection.selected)).toEqual(['through-a-helper.test.ts', 'dynamic-import.test.ts', 'storage/store.test.ts']);
    expect(selection.why.get(join(root, 'through-a-helper.test.ts'))).toEqual({
      toStore: ['through-a-helper.test.ts', 'support/stack.ts', 'storage/database.ts'],
      toSetting: ['through-a-helper.test.ts', 'support/stack.ts', 'runtime/config.ts'],
    });
  });

  it('does not count type-only imports, an always-PGlite store, or setting DATABASE_URL for a child', () => {
    expect(names(selection.storeWithoutSetting)).toEqual(['always-pglite.test.ts', 'sets-it-for-a-child.test.ts']);
    expect(selection.why.has(join(root, 'types-only.test.ts'))).toBe(false);
  });
});
