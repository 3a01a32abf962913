// `npm run reliability:cluster -- --cases 200 --fault-rounds 2`: the cluster crash run at full size
// (bench/reliability/cluster-crash-run.ts; its CI-sized version is tests/cluster/cluster-faults.test.ts),
// printing every figure. Each fault kind lands `--fault-rounds` times, spread over the run; `--apis`
// and `--workers` size the Casemap pool behind HAProxy.
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { runClusterCrash } from './cluster-crash-run.ts';
import { outcomeLines } from './outcome-lines.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '200' },
    'fault-rounds': { type: 'string', default: '2' },
    apis: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    'timeout-minutes': { type: 'string', default: '60' },
  },
});

// Exit (and so run the topology's exit hooks, which kill its processes) on Ctrl-C or `timeout`.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const loadAtStart = load();
const began = Date.now();
const figures = await runClusterCrash({
  cases: Number(values.cases),
  faultRounds: Number(values['fault-rounds']),
  apis: Number(values.apis),
  workers: Number(values.workers),
  timeoutMs: Number(values['timeout-minutes']) * 60_000,
  log: (line) => console.log(`[cluster] ${line}`),
});
const { verification: v, ledger } = figures;
const byKind = [...new Set(figures.faults.map((fault) => fault.kind))].map((kind) => `${kind} ${figures.faults.filter((fault) => fault.kind === kind).length}`);
const lastFault = figures.faults.at(-1);
console.log(`
topology              PostgreSQL, Temporal frontend/history/matching/worker, ${figures.apis} APIs behind HAProxy (${figures.balancedOverAtEnd} UP at the end), ${figures.workers} workers
load average          ${loadAtStart} at the start, ${load()} at the end (1, 5, 15 min; ${Math.round((Date.now() - began) / 1000)} s in all)
cases                 ${figures.cases} (${v.completed} completed, ${v.waiting} still waiting); ${v.waiting === 0 ? 'last case finished' : 'gave up waiting'} at +${figures.runSeconds} s
faults injected       ${byKind.join(', ')}${lastFault ? `; last at +${lastFault.atSeconds} s with ${lastFault.inFlight} cases in flight` : ''}
services self-exited  ${Object.entries(figures.selfExits).map(([name, n]) => `${name} ${n}`).join(', ')}
starts                ${figures.startsAcknowledged} acknowledged, ${figures.startRefusals.length} refused
${outcomeLines(figures.completionsAcknowledged, ledger, v)}`);
console.log('\nfault log (seconds since the first start):');
for (const fault of figures.faults) console.log(`  +${fault.atSeconds} s ${fault.kind} (${fault.detail}): ${fault.finished} finished, ${fault.inFlight} in flight; served again after ${fault.recoveredSeconds} s`);
if (v.problems.length > 0) console.log(`\nproblems (first 40 of ${v.problems.length}; logs kept in ${figures.logDir}):`);
for (const problem of v.problems.slice(0, 40)) console.log(`  ${problem}`);
process.exitCode = v.problems.length === 0 && v.waiting === 0 ? 0 : 1;
