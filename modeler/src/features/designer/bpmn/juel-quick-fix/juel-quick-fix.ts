// "Rewrite as FEEL" on a JUEL condition: the same conversion as `casemap lint --fix`, applied through
// bpmn-js's modeling so it lands on the command stack and Undo takes it back.
import { planElementRewrites } from '../../../../../../domain/checks/camunda7-rewrites.ts';
import type { BpmnElement } from '../../../../../../domain/checks/support/bpmn-element.ts';
import type { ElementRegistry, Moddle, Modeling } from '../services.ts';

export default class JuelQuickFix {
  static $inject = ['elementRegistry', 'modeling', 'bpmnFactory'];
  private readonly elementRegistry: ElementRegistry;
  private readonly modeling: Modeling;
  private readonly bpmnFactory: Moddle;

  constructor(elementRegistry: ElementRegistry, modeling: Modeling, bpmnFactory: Moddle) {
    this.elementRegistry = elementRegistry;
    this.modeling = modeling;
    this.bpmnFactory = bpmnFactory;
  }

  /** The FEEL that would replace the element's JUEL condition, or undefined when there is none to convert. */
  rewriteFor(elementId: string | undefined): string | undefined {
    const element = elementId === undefined ? undefined : this.elementRegistry.get(elementId);
    if (!element) return undefined;
    const rewrite = planElementRewrites(element.businessObject as unknown as BpmnElement).rewrites.find((candidate) => candidate.kind === 'condition');
    return rewrite?.kind === 'condition' ? rewrite.feel : undefined;
  }

  /** Replaces the condition in one undoable command; false when there was nothing to rewrite. */
  apply(elementId: string): boolean {
    const feel = this.rewriteFor(elementId);
    const element = this.elementRegistry.get(elementId);
    if (feel === undefined || !element) return false;
    this.modeling.updateProperties(element, { conditionExpression: this.bpmnFactory.create('bpmn:FormalExpression', { body: feel }) });
    return true;
  }
}
