// The browser-facing security headers (helmet): a Content-Security-Policy the app and /api/docs
// pass with no violation (checked by every browser test), no framing, no MIME sniffing.
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { DOCS_STYLE_SOURCE } from './openapi/docs-page.ts';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // Only the app's own bundle: no inline script, no eval.
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // Stylesheets from the bundle, plus exactly the /api/docs page's one inline <style> (by hash).
        // Inline style *attributes* (bpmn-js/diagram-js set them on SVG and overlay elements while
        // drawing, e.g. marker and label positions) need 'unsafe-inline' on style-src-attr alone: a
        // style attribute cannot run script, and <style> elements stay limited to the above.
        'style-src': ["'self'", DOCS_STYLE_SOURCE],
        'style-src-attr': ["'unsafe-inline'"],
        // bpmn-js's font and the diagram's exported images are data: and blob: URLs the app makes itself.
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // Casemap answers plain HTTP on one machine (npm start); TLS is a proxy's business, which sets HSTS.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
