// Reads a `.cpuprofile` (node --cpu-prof) and prints where its busy time went: self time by where
// the code lives (a package under node_modules, a folder of Casemap, Node's internals, GC), and the
// functions with most self time. Idle samples are left out of the shares.
// Run: npx tsx bench/profile/cpu-profile-shares.ts <file.cpuprofile> [--top 30]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: `pkg:<name>` for node_modules, the first folder of Casemap's own code, or Node's and V8's own. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return `pkg:${packageMatch[1]}`;
  const ownMatch = /\/(domain|workflows|activities|api|services|storage|runtime|bench|demo)\//.exec(url);
  return ownMatch ? `casemap:${ownMatch[1]}` : url;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
/** Each place on the sample's stack once: the time spent in it or in anything it called. */
function placesOnStack(id: number): Set<string> {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const { url, functionName } = byId.get(at)!.callFrame;
    if (functionName !== '(root)') seen.add(placeOf(url, functionName));
  }
  return seen;
}
const inclusive = new Map<string, number>();
const places = new Map<string, number>();
const functions = new Map<string, number>();
let busy = 0;
let idle = 0;
profile.samples.forEach((id, index) => {
  const node = byId.get(id)!;
  const micros = profile.timeDeltas[index] ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') {
    idle += micros;
    return;
  }
  busy += micros;
  for (const onStack of placesOnStack(id)) inclusive.set(onStack, (inclusive.get(onStack) ?? 0) + micros);
  const place = placeOf(url, functionName);
  places.set(place, (places.get(place) ?? 0) + micros);
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + micros);
});
const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms`;
console.log(`busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms`);
console.log('\nself time by place:');
for (const [place, micros] of [...places].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${share(micros)}  ${place}`);
console.log('\ntime in a place or what it called (a sample counts for every place on its stack):');
for (const [place, micros] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${share(micros)}  ${place}`);
console.log('\nfunctions with most self time:');
for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${share(micros)}  ${name}`);
