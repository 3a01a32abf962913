// A browsable page of the API, rendered from the OpenAPI document without any script at all.
import { createHash } from 'node:crypto';

type Json = Record<string, unknown>;

const DOCS_STYLE = 'body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}summary{cursor:pointer;padding:.3rem 0}code.m{display:inline-block;width:4.5em;font-weight:bold}pre{background:#f5f5f5;padding:.75rem;overflow:auto;font-size:12px}';

/** The page's one inline stylesheet as a CSP source, so the Content-Security-Policy can allow exactly it and no other inline style. */
export const DOCS_STYLE_SOURCE = `'sha256-${createHash('sha256').update(DOCS_STYLE).digest('base64')}'`;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function docsPage(document: Json): string {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const rows = Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(
      ([method, op]) => `<details><summary><code class="m">${method.toUpperCase()}</code> <code>${escape(path)}</code> — ${escape(String(op.summary))}</summary>
<p>${escape(String(op.description ?? ''))}</p><pre>${escape(JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2))}</pre></details>`,
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Casemap API</title>
<style>${DOCS_STYLE}</style>
</head><body><h1>Casemap API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> with a stable <code>code</code>.</p>
${rows.join('\n')}</body></html>`;
}
