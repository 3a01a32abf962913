// Lints the diagram as it is drawn: after each change (debounced) the current XML goes through
// Casemap's executability checks (the same the API runs on deploy); findings become badges on the
// canvas and a `caseworkLint.done` event for the problems list.
import { lintBpmn, type LintFinding } from '../../../../../../domain/checks/lint-bpmn.ts';
import type { DiagramElement, ElementRegistry, EventBus, Overlays } from '../services.ts';

export const LINT_DONE = 'caseworkLint.done';
export const LINT_PENDING = 'caseworkLint.pending';
const OVERLAY_TYPE = 'casework-lint';
const DEBOUNCE_MS = 300;

interface Saver {
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
}

export default class CaseworkLint {
  static $inject = ['eventBus', 'overlays', 'elementRegistry', 'bpmnjs'];
  findings: LintFinding[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;
  private destroyed = false;
  private readonly eventBus: EventBus;
  private readonly overlays: Overlays;
  private readonly elementRegistry: ElementRegistry;
  private readonly bpmnjs: Saver;

  constructor(eventBus: EventBus, overlays: Overlays, elementRegistry: ElementRegistry, bpmnjs: Saver) {
    this.eventBus = eventBus;
    this.overlays = overlays;
    this.elementRegistry = elementRegistry;
    this.bpmnjs = bpmnjs;
    eventBus.on('import.done', () => this.schedule(0));
    eventBus.on('commandStack.changed', () => this.schedule(DEBOUNCE_MS));
    eventBus.on('diagram.destroy', () => {
      this.destroyed = true;
      clearTimeout(this.timer);
    });
  }

  /** The shape a finding is about: the element itself, or the pool of a process. */
  elementFor(elementId: string | undefined): DiagramElement | undefined {
    if (!elementId) return undefined;
    return this.elementRegistry.get(elementId) ?? this.elementRegistry.find((element) => (element.businessObject.get?.('processRef') as { id?: string } | undefined)?.id === elementId);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.eventBus.fire(LINT_PENDING);
    this.timer = setTimeout(() => void this.lint(), delay);
  }

  private async lint(): Promise<void> {
    const run = ++this.run;
    let findings: LintFinding[];
    try {
      const { xml } = await this.bpmnjs.saveXML();
      findings = await lintBpmn(xml ?? '');
    } catch (error) {
      findings = [{ rule: 'unreadable-diagram', severity: 'error', message: `The diagram could not be checked: ${error instanceof Error ? error.message : String(error)}` }];
    }
    if (run !== this.run || this.destroyed) return;
    this.findings = findings;
    this.showOverlays();
    this.eventBus.fire(LINT_DONE, { findings });
  }

  private showOverlays(): void {
    this.overlays.remove({ type: OVERLAY_TYPE });
    const byElement = new Map<DiagramElement, LintFinding[]>();
    for (const finding of this.findings) {
      const element = this.elementFor(finding.elementId);
      if (element) byElement.set(element, [...(byElement.get(element) ?? []), finding]);
    }
    for (const [element, findings] of byElement) {
      const errors = findings.filter((finding) => finding.severity === 'error').length;
      const badge = document.createElement('div');
      badge.className = `lint-badge ${errors > 0 ? 'lint-error' : 'lint-warn'}`;
      badge.textContent = String(findings.length);
      badge.title = findings.map((finding) => finding.message).join('\n');
      badge.setAttribute('data-element-id', element.id);
      this.overlays.add(element, OVERLAY_TYPE, { position: { top: -12, right: 12 }, html: badge });
    }
  }
}
