// `npm run test:store`: runs only the test files that touch the store (store-test-selection.ts), for
// CI's second pass against a real PostgreSQL (DATABASE_URL). `--list` prints the selection and why.
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { allTestFiles, repositoryRoot, selectStoreTests } from './store-test-selection.ts';

const args = process.argv.slice(2);
const listOnly = args.includes('--list');
const all = await allTestFiles(repositoryRoot);
const { selected, why, storeWithoutSetting } = selectStoreTests(all, repositoryRoot);
if (selected.length === 0) {
  // Some tests always open a database; finding none means the selection itself is broken.
  console.error('No test file reaches storage/: the store-test selection is broken.');
  process.exit(1);
}

if (listOnly) {
  for (const file of selected) {
    const { toStore, toSetting } = why.get(file)!;
    console.log(`${relative(repositoryRoot, file)}\tstore: ${toStore.join(' -> ')}\tDATABASE_URL: ${toSetting.join(' -> ')}`);
  }
  for (const file of storeWithoutSetting) console.error(`not selected (uses the store, never reads DATABASE_URL): ${relative(repositoryRoot, file)}`);
  console.error(`${selected.length} of ${all.length} test files touch the store as DATABASE_URL configures it.`);
  process.exit(0);
}

console.error(`Running the ${selected.length} of ${all.length} test files that touch the store${process.env.DATABASE_URL ? ' (DATABASE_URL is set)' : ''} (\`npm run test:store -- --list\` says why):`);
for (const file of selected) console.error(`  ${relative(repositoryRoot, file)}`);
const vitest = spawnSync('npx', ['vitest', 'run', ...selected.map((file) => relative(repositoryRoot, file)), ...args], { cwd: repositoryRoot, stdio: 'inherit' });
process.exit(vitest.status ?? 1);
