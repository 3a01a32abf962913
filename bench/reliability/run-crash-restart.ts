// `npm run reliability -- --cases 1000 --faults 40`: the crash and restart harness at full size,
// printing its figures. Faults are split 60% worker kills and the rest evenly over API, Temporal
// and database crashes, spread over the whole run (see fault-schedule.ts).
import { parseArgs } from 'node:util';
import { runCrashRestart } from './crash-restart.ts';
import { outcomeLines } from './outcome-lines.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    faults: { type: 'string', default: '40' },
    seed: { type: 'string', default: '20261125' },
    'min-gap': { type: 'string', default: '2000' },
    'timeout-minutes': { type: 'string', default: '90' },
    'record-histories': { type: 'string' },
  },
});
const cases = Number(values.cases);
const total = Number(values.faults);
const rest = Math.round((total * 0.4) / 3);

// Exit (and so run the harness's exit hooks, which stop its servers) on Ctrl-C or `timeout`.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const figures = await runCrashRestart({
  cases,
  faults: { 'worker-kill': total - 3 * rest, 'api-kill': rest, 'temporal-kill': rest, 'database-crash': rest },
  minFaultGapMs: Number(values['min-gap']),
  timeoutMs: Number(values['timeout-minutes']) * 60_000,
  seed: Number(values.seed),
  recordHistoriesTo: values['record-histories'],
  log: (line) => console.log(`[reliability] ${line}`),
});
const { verification: v, ledger, starts } = figures;
const lastFault = figures.faultLog.at(-1);
console.log(`
cases                 ${figures.cases} (${v.completed} completed, ${v.waiting} still waiting); ${v.waiting === 0 ? 'last case finished' : 'gave up waiting'} at +${figures.runSeconds} s, ${figures.seconds} s in all
faults injected       ${Object.entries(figures.faults).map(([kind, n]) => `${kind} ${n}`).join(', ')}${lastFault ? `; last at +${lastFault.atSeconds} s with ${lastFault.inFlight} cases in flight` : ''}
database recoveries   ${figures.databaseRecoveries} restarts recovered from the WAL after kill -9 of the postmaster
services self-exited  ${Object.entries(figures.selfExits).map(([name, n]) => `${name} ${n}`).join(', ')}
starts                ${starts.keys} keys, ${starts.acknowledged} acknowledged, ${starts.keyHeldReplies} replies "key still held", ${starts.refused.length} refused
${outcomeLines(ledger.acknowledged, ledger, v)}`);
console.log('\nfault log (seconds since the first start):');
for (const fault of figures.faultLog) console.log(`  +${fault.atSeconds} s ${fault.kind}${fault.detail ? ` (${fault.detail})` : ''}: ${fault.finished} finished, ${fault.inFlight} in flight`);
if (v.problems.length > 0) console.log(`\nproblems (first 40 of ${v.problems.length}):`);
for (const problem of v.problems.slice(0, 40)) console.log(`  ${problem}`);
const serverErrors = Object.entries(figures.serverErrors).sort((a, b) => b[1] - a[1]);
console.log(`\n500s answered by the API, by kind (services' stderr kept in ${figures.logsDir}):${serverErrors.length === 0 ? ' none' : ''}`);
for (const [kind, count] of serverErrors) console.log(`  ${count} × ${kind}`);
process.exitCode = v.problems.length === 0 && v.waiting === 0 ? 0 : 1;
