// What the Designer's browser tests share: a harness for the file, a designer signed in with a
// diagram imported into a new Designer tab, and a view's screenshot with its accessibility check.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { seriousAccessibilityViolations } from './accessibility.ts';

/** Starts a harness before the file's tests and stops it after them; read `.harness` inside a test. */
export function useBrowserHarness(options: Parameters<typeof startBrowserHarness>[0] = {}): { readonly harness: BrowserHarness } {
  const held: { harness?: BrowserHarness } = {};
  beforeAll(async () => {
    held.harness = await startBrowserHarness(options);
  });
  afterAll(async () => {
    await held.harness?.stop();
  });
  return {
    get harness() {
      if (!held.harness) throw new Error('The browser harness is read before beforeAll started it');
      return held.harness;
    },
  };
}

/** Screenshots a view and checks it has no serious accessibility violation (a soft failure, so the test goes on). */
export async function checkView(harness: BrowserHarness, page: Page, name: string): Promise<void> {
  await harness.shot(page, name);
  expect.soft(await seriousAccessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
}

/** A designer's page with the BPMN file imported into a new diagram, once `elementId` is drawn. */
export async function designerWithDiagram(harness: BrowserHarness, bpmnFile: string, elementId: string): Promise<Page> {
  const designer = await harness.openPage();
  await harness.signIn(designer, 'designer');
  await designer.goto(`${harness.casemap.url}/#/designer/new`);
  await designer.locator('#import-bpmn').setInputFiles(bpmnFile);
  await designer.locator(`.djs-element[data-element-id="${elementId}"]`).waitFor();
  return designer;
}
