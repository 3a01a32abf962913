import { readFileSync, readdirSync } from 'node:fs';
import { compile } from '../domain/compile/compile.ts';
import { ProcessIR } from '../domain/process/ir.ts';
const dir = 'domain/compile/fixtures/';
for (const f of readdirSync(dir)) {
  const { ir, diagnostics } = await compile(readFileSync(dir + f, 'utf8'));
  const ok = ProcessIR.safeParse(ir);
  console.log('==', f, 'nodes', ir.nodes.length, 'flows', ir.flows.length, 'lanes', ir.lanes.length, 'art', ir.artifacts.length, 'valid', ok.success, ok.success ? '' : ok.error.message.slice(0, 300));
  for (const d of diagnostics) console.log('  ', d.severity, d.code, d.elementId ?? '', '|', d.message);
}
