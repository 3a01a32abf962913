// Finds (or installs once, into .tools/python) the pinned PM4Py and runs the reference script on a log file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PM4PY_VERSION = '2.7.23.11';
const root = fileURLToPath(new URL('../../', import.meta.url));
const target = `${root}.tools/python`;
const script = fileURLToPath(new URL('./pm4py_reference.py', import.meta.url));
const env = { ...process.env, PYTHONPATH: target, PYTHONWARNINGS: 'ignore', TQDM_DISABLE: '1' };

export type Pm4py = { available: true; version: string } | { available: false; reason: string };

function installed(): boolean {
  const check = spawnSync('python3', ['-c', `import pm4py, sys; sys.exit(0 if pm4py.__version__ == '${PM4PY_VERSION}' else 1)`], { env, stdio: 'ignore', timeout: 120_000 });
  return check.status === 0;
}

/** PM4Py from .tools/python, installing the pinned version there with pip the first time. */
export function ensurePm4py(): Pm4py {
  if (installed()) return { available: true, version: PM4PY_VERSION };
  mkdirSync(target, { recursive: true });
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', target, `pm4py==${PM4PY_VERSION}`], { env, encoding: 'utf8', timeout: 900_000 });
  if (pip.status !== 0) return { available: false, reason: `pip could not install pm4py==${PM4PY_VERSION}: ${(pip.stderr ?? pip.error?.message ?? '').trim().split('\n').slice(-3).join(' ')}` };
  return installed() ? { available: true, version: PM4PY_VERSION } : { available: false, reason: 'pm4py installed but does not import' };
}

export interface Pm4pyResult {
  pm4py: string;
  timings: { read: number; performance_dfg: number };
  traces: number;
  events: number;
  /** [from, to, mean seconds, median seconds] */
  performance: [string, string, number, number][];
  dfg?: [string, string, number][];
  starts?: Record<string, number>;
  ends?: Record<string, number>;
  variants?: [string[], number][];
  ocel?: { events: number; objects: number; objectTypes: string[] };
  /** With --activities: complete events per activity. */
  activities?: Record<string, number>;
  /** With --bpmn: token-based replay of the log on the first model, and on each model given. */
  fitness?: { log_fitness: number; perc_fit_traces: number };
  fitnesses?: { log_fitness: number; perc_fit_traces: number }[];
  /** With --api-questions: seconds per question on the loaded dataframe, and the DFG counts whole, by days and by team. */
  api?: { timings: Record<'performance_dfg' | 'dfg_and_performance' | 'days_dfg_and_performance' | 'team_dfg_and_performance' | 'variants_and_rework' | 'interval_service_time', number>; dfg: [string, string, number][]; days: [string, string, number][]; team: [string, string, number][] };
  /** With --version-questions: a process's own log of two versions; edge counts sorted (the process's graph names steps by its diagram). */
  versions?: { timings: Record<'version_dfg_and_performance' | 'version_days_team_dfg_and_performance', number>; version: number[]; versionDaysTeam: number[] };
  /** With --ocel-flatten: per object type, each case's activities in order (pm4py.ocel_flattening). */
  flattened?: Record<string, Record<string, string[]>>;
}

/** Runs bench/insights/pm4py_reference.py; its JSON is the last line it prints. */
export function runPm4pyReference(args: string[]): Pm4pyResult {
  const stdout = execFileSync('python3', [script, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error('pm4py_reference.py printed no JSON result.');
  return JSON.parse(line) as Pm4pyResult;
}

export interface Pm4pyOcelObjects {
  pm4py: string;
  objects: number;
  /** Object-to-object relations per qualifier (ocel.o2o). */
  o2o: Record<string, number>;
  /** [activity, object type, relations] (ocel.relations), sorted. */
  e2o: [string, string, number][];
  /** Rows of ocel.object_changes: every attribute value after the first. */
  changes: number;
  /** Per object, each attribute's value after its last change (ocel.objects with ocel.object_changes applied in time order). */
  last: Record<string, Record<string, string>>;
}

/** Runs bench/insights/pm4py_ocel_objects.py on an OCEL 2.0 file (.jsonocel or .xmlocel). */
export function runPm4pyOcelObjects(path: string): Pm4pyOcelObjects {
  const objectsScript = fileURLToPath(new URL('./pm4py_ocel_objects.py', import.meta.url));
  const stdout = execFileSync('python3', [objectsScript, path], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error('pm4py_ocel_objects.py printed no JSON result.');
  return JSON.parse(line) as Pm4pyOcelObjects;
}
