import { describe, expect, it } from 'vitest';
import type { MappableElement } from '../../../../../domain/contract/migration.ts';
import { elementText, kindText, refusalText } from './element-text.ts';

const sources = new Map<string, MappableElement>([['A', { id: 'A', name: 'Assess', type: 'userTask' }]]);
const targets = new Map<string, MappableElement>([['Form_v2', { id: 'Form_v2', name: 'Record decision', type: 'bpmn:UserTask' }]]);

describe('element and refusal text', () => {
  it('names an element kind in words whether it comes as an IR kind or a BPMN type', () => {
    expect(kindText('userTask')).toBe('User task');
    expect(kindText('bpmn:IntermediateCatchEvent')).toBe('Intermediate catch event');
  });

  it('names an element by its name and kind, or by its id when it has no name', () => {
    expect(elementText(sources.get('A'), 'A')).toBe('“Assess” (User task)');
    expect(elementText({ id: 'Gw', type: 'parallelGateway' }, 'Gw')).toBe('Gw (Parallel gateway)');
    expect(elementText(undefined, 'Gone')).toBe('Gone');
  });

  it('names the old version’s element for a step with no target', () => {
    const text = refusalText({ code: 'no-target', elementId: 'A', message: 'Nothing to go to.' }, sources, targets);
    expect(text).toBe('The step it waits at has no target in the new version at “Assess” (User task). Nothing to go to.');
  });

  it('names the new version’s element and the field for missing form data', () => {
    const text = refusalText({ code: 'missing-form-data', elementId: 'Form_v2', field: 'decision', message: '' }, sources, targets);
    expect(text).toBe('The case lacks data a task of the new version requires at “Record decision” (User task) (field “decision”).');
  });
});
