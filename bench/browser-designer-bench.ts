// Opening a 1,000-element diagram in Casemap's Designer against a bare bpmn-js page, in Chromium:
// from navigation (fresh context, empty cache) until the diagram's last element is on the canvas.
// The Designer loads the app, checks the session, lazy-loads its chunk, fetches the draft from the
// API, imports with Casemap's modules (casework properties, live lint, token simulation) and fits
// the view; the bare page loads bpmn-js's own bundle, fetches the same XML and imports it into a
// plain Modeler, then fits the view. Both contenders are interleaved by the shared method
// (bench/method): one warm-up round, then BENCH_ROUNDS (default 5) rounds.
// Run: npx tsx bench/browser-designer-bench.ts
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { startBrowserBenchStack, type BrowserBenchStack } from './browser/browser-bench-stack.ts';
import { compare } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';
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

export async function runBrowserDesignerBench(): Promise<void> {
  const { xml, lastId } = largeDiagram(ELEMENTS);
  const stack = await startBrowserBenchStack();
  const bare = await startBarePage(xml);
  try {
    const token = await stack.token('designer');
    const saved = await fetch(`${stack.casemap.url}/api/definitions/bench-1000/draft`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'Benchmark casework', xml }) });
    if (!saved.ok) throw new Error(`Saving the benchmark draft failed: ${saved.status} ${await saved.text()}`);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    const designerUrl = `${stack.casemap.url}/#/designer/bench-1000/draft`;
    await compare({
      title: `Designer: open and render a ${ELEMENTS}-element diagram in Chromium`,
      notes: ["Each run is a fresh browser context (empty cache), timed from page.goto until the diagram's last element is on the canvas. The warm-up round warms the server and Chromium's own start-up."],
      contenders: [
        { name: 'bare bpmn-js', does: "a page with bpmn-js's own production bundle and stylesheets: fetch the same XML, import into a plain Modeler, fit the view.", run: async () => ({ ms: await timeToRender(stack, bareUrl, lastId) }) },
        { name: 'Casemap Designer', does: "the app bundle, the session check, the lazily loaded Designer chunk, GET the draft, import with Casemap's modules (casework properties, live lint, token simulation), fit the view.", run: async () => ({ ms: await timeToRender(stack, designerUrl, lastId, 'designer') }) },
      ],
      ratios: [['Casemap Designer', 'bare bpmn-js']],
    }).then(printComparison);
  } finally {
    bare.close();
    await stack.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBrowserDesignerBench();
