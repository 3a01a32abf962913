// Owns one dmn-js Modeler for the Decisions panel: imports the DMN, opens its first decision
// table, and reports the views (the requirements diagram and each decision) to React.
import { useEffect, useState } from 'react';
import DmnModeler, { type DmnView } from 'dmn-js/lib/Modeler';
import diagramCss from 'dmn-js/dist/assets/diagram-js.css?inline';
import sharedCss from 'dmn-js/dist/assets/dmn-js-shared.css?inline';
import drdCss from 'dmn-js/dist/assets/dmn-js-drd.css?inline';
import tableCss from 'dmn-js/dist/assets/dmn-js-decision-table.css?inline';
import tableControlsCss from 'dmn-js/dist/assets/dmn-js-decision-table-controls.css?inline';
import literalCss from 'dmn-js/dist/assets/dmn-js-literal-expression.css?inline';
// The icon font must be declared in the document: @font-face in a shadow root's sheets is ignored.
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import fontCss from 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css?inline';

export interface DmnModelerState {
  modeler: DmnModeler | undefined;
  views: DmnView[];
  active: DmnView | undefined;
  importError: string | undefined;
}

const DMN_CSS = [diagramCss, sharedCss, drdCss, tableCss, tableControlsCss, literalCss, fontCss];

/**
 * The element dmn-js draws in, inside a shadow root of `host`. dmn-js's FEEL cell editor
 * (CodeMirror) adds <style> elements to a document, which the app's Content-Security-Policy
 * refuses; in a shadow root it uses constructable stylesheets instead, as do dmn-js's own styles.
 */
function shadowCanvas(host: HTMLElement): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (root.adoptedStyleSheets.length === 0) {
    root.adoptedStyleSheets = DMN_CSS.map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  }
  const canvas = document.createElement('div');
  canvas.className = 'dmn-js-canvas';
  root.replaceChildren(canvas);
  return canvas;
}

/** `source` is compared by identity, so opening the same text again imports it again; undefined: no decisions. */
export function useDmnModeler(container: React.RefObject<HTMLDivElement | null>, source: { xml: string } | undefined): DmnModelerState {
  const [modeler, setModeler] = useState<DmnModeler>();
  const [views, setViews] = useState<DmnView[]>([]);
  const [active, setActive] = useState<DmnView>();
  const [importError, setImportError] = useState<string>();

  useEffect(() => {
    if (!container.current || !source) return;
    const instance = new DmnModeler({ container: shadowCanvas(container.current) });
    instance.on('views.changed', (event) => {
      setViews(event.views ?? []);
      setActive(event.activeView);
    });
    let cancelled = false;
    setImportError(undefined);
    instance
      .importXML(source.xml)
      .then(async () => {
        // Designers come to edit rules: open the first decision table rather than the diagram.
        const table = instance.getViews().find((view) => view.type === 'decisionTable');
        if (table && !cancelled) await instance.open(table);
        if (!cancelled) setModeler(instance);
      })
      .catch((error: unknown) => {
        if (!cancelled) setImportError(`The DMN file could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      });
    return () => {
      cancelled = true;
      setModeler(undefined);
      instance.destroy();
    };
  }, [container, source]);

  return { modeler, views, active, importError };
}
