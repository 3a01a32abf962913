// `npm run reliability -- --cases 1000 --faults 40`: the crash and restart harness at full size,
// printing its figures. Faults are split 60% worker kills and the rest evenly over API, Temporal
// and database restarts.
import { parseArgs } from 'node:util';
import { runCrashRestart } from './crash-restart.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' }, faults: { type: 'string', default: '40' }, seed: { type: 'string', default: '20261125' }, gap: { type: 'string', default: '2000-6000' }, 'record-histories': { type: 'string' } } });
const cases = Number(values.cases);
const total = Number(values.faults);
const rest = Math.round((total * 0.4) / 3);
const [minGap, maxGap] = values.gap.split('-').map(Number) as [number, number];

// Exit (and so run the harness's exit hooks, which stop its servers) on Ctrl-C or `timeout`.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const figures = await runCrashRestart({
  cases,
  faults: { 'worker-kill': total - 3 * rest, 'api-kill': rest, 'temporal-kill': rest, 'database-crash': rest },
  faultGapMs: [minGap, maxGap],
  timeoutMs: 30 * 60_000,
  seed: Number(values.seed),
  recordHistoriesTo: values['record-histories'],
  log: (line) => console.log(`[reliability] ${line}`),
});
const { verification: v } = figures;
console.log(`
cases                 ${figures.cases} (${v.completed} completed, ${v.waiting} still waiting) in ${figures.seconds} s
faults injected       ${Object.entries(figures.faults).map(([kind, n]) => `${kind} ${n}`).join(', ')}
services self-exited  ${Object.entries(figures.selfExits).map(([name, n]) => `${name} ${n}`).join(', ')}
completions           ${figures.ledger.acknowledged} acknowledged, ${v.completionsAppliedUnacknowledged} applied without an answer, ${figures.ledger.attempted} tasks attempted
stuck Idempotency-Key ${figures.ledger.stuckIdempotencyKeys}
HTTP replies          ${JSON.stringify(figures.ledger.statuses)}
events compared       ${v.eventsCompared}
mismatches            ${v.mismatches}`);
for (const problem of v.problems.slice(0, 20)) console.log(`  ${problem}`);
process.exitCode = v.mismatches === 0 && v.waiting === 0 ? 0 : 1;
