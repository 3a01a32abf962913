#!/usr/bin/env node
// The `casemap` command as npm links it (package.json "bin", so `npx casemap` works in a clean
// clone): Node cannot load TypeScript itself, so this registers tsx in this same process (signals
// and exit codes stay casemap's own) and hands over to bin/casemap.ts with the same arguments.
import 'tsx';

await import('./casemap.ts');
