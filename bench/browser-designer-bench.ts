// Opening a 1,000-element diagram in Casemap's Designer against a bare bpmn-js page, in Chromium:
// from navigation (fresh context, empty cache) until the diagram's last element is on the canvas.
// The Designer loads the app, checks the session, lazy-loads its chunk, fetches the draft from the
// API, imports with Casemap's modules (casework properties, live lint, token simulation) and fits
// the view; the bare page loads bpmn-js's own bundle, fetches the same XML and imports it into a
// plain Modeler, then fits the view. Run: npx tsx bench/browser-designer-bench.ts (BENCH_RUNS, default 5)
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { alternate, median, startBrowserBenchStack, type BrowserBenchStack } from './browser/browser-bench-stack.ts';
import { largeDiagram } from './browser/large-diagram.ts';

const ELEMENTS = 1000;
const resolve = createRequire(import.meta.url).resolve;

/** The baseline: bpmn-js's distributed Modeler bundle and stylesheets on a page of their own. */
function startBarePage(xml: string): Promise<Server> {
  const files: Record<string, [string, string]> = {
    '/bpmn-modeler.js': [resolve('bpmn-js/dist/bpmn-modeler.production.min.js'), 'text/javascript'],
    '/diagram-js.css': [resolve('bpmn-js/dist/assets/diagram-js.css'), 'text/css'],
    '/bpmn-js.css': [resolve('bpmn-js/dist/assets/bpmn-js.css'), 'text/css'],
    '/bpmn-embedded.css': [resolve('bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css'), 'text/css'],
  };
  const page = `<!doctype html><html><head><title>bare bpmn-js</title>
<link rel="stylesheet" href="/diagram-js.css"><link rel="stylesheet" href="/bpmn-js.css"><link rel="stylesheet" href="/bpmn-embedded.css">
<script src="/bpmn-modeler.js"></script></head><body><div id="canvas" style="height:600px"></div><script>
fetch('/diagram.bpmn').then((r) => r.text()).then(async (xml) => {
  const modeler = new BpmnJS({ container: '#canvas', keyboard: { bind: true } });
  await modeler.importXML(xml);
  modeler.get('canvas').zoom('fit-viewport');
});
</script></body></html>`;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (path === '/diagram.bpmn') return res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
    const file = files[path];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

function timeToRender(stack: BrowserBenchStack, url: string, lastId: string, username?: string): Promise<number> {
  return stack.withPage(username, async (page) => {
    const started = performance.now();
    await page.goto(url);
    await page.waitForSelector(`.djs-element[data-element-id="${lastId}"]`, { state: 'attached', timeout: 120_000 });
    return performance.now() - started;
  });
}

export async function runBrowserDesignerBench(runs = Number(process.env.BENCH_RUNS ?? 5)): Promise<void> {
  const { xml, lastId } = largeDiagram(ELEMENTS);
  const stack = await startBrowserBenchStack();
  const bare = await startBarePage(xml);
  try {
    const token = await stack.token('designer');
    const saved = await fetch(`${stack.casemap.url}/api/definitions/bench-1000/draft`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'Benchmark casework', xml }) });
    if (!saved.ok) throw new Error(`Saving the benchmark draft failed: ${saved.status} ${await saved.text()}`);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    const designerUrl = `${stack.casemap.url}/#/designer/bench-1000/draft`;
    // One untimed run of each warms the server and Chromium's own start-up.
    await timeToRender(stack, bareUrl, lastId);
    await timeToRender(stack, designerUrl, lastId, 'designer');
    const times = await alternate(runs, {
      bare: () => timeToRender(stack, bareUrl, lastId),
      designer: () => timeToRender(stack, designerUrl, lastId, 'designer'),
    });
    const bareMs = median(times.bare!);
    const designerMs = median(times.designer!);
    console.log(`\n== Designer: open and render a ${ELEMENTS}-element diagram in Chromium (median of ${runs}, cold page each time)`);
    console.log(`bare bpmn-js page          ${bareMs.toFixed(0)} ms   (runs: ${times.bare!.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`Casemap Designer (draft)   ${designerMs.toFixed(0)} ms   (runs: ${times.designer!.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`ratio Designer / bare      ${(designerMs / bareMs).toFixed(2)}×`);
  } finally {
    bare.close();
    await stack.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBrowserDesignerBench();
