// One cold run for the compile benchmark, in a fresh Node process: imports the code under test,
// then times its first call (JIT cold, moddle's type registry not yet built) and a second call, and
// prints the figures as JSON on its last line. Usage: cold-start.ts compile|bpmnlint <diagram.bpmn>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [mode, path] = process.argv.slice(2);
const xml = readFileSync(path!, 'utf8');

const importing = performance.now();
let work: () => Promise<unknown>;
if (mode === 'compile') {
  const { compile } = await import('../../domain/compile/compile.ts');
  work = () => compile(xml);
} else {
  const require = createRequire(import.meta.url);
  const { Linter } = require('bpmnlint') as { Linter: new (options: object) => { lint(root: unknown): Promise<unknown> } };
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver.js') as new () => object;
  const { sharedModdle } = await import('../../domain/process/moddle.ts');
  work = async () => {
    const { rootElement } = await sharedModdle().fromXML(xml);
    await new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() }).lint(rootElement);
  };
}
const importMs = performance.now() - importing;

const first = performance.now();
await work();
const firstMs = performance.now() - first;
const second = performance.now();
await work();
const secondMs = performance.now() - second;
console.log(JSON.stringify({ importMs, firstMs, secondMs }));
