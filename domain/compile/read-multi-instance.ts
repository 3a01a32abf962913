// A step's multi-instance marker: parallel or sequential, and what it runs over, from Zeebe's
// `zeebe:loopCharacteristics` (or the same attributes as `casework:loopCharacteristics`) and BPMN's
// own loopCardinality and completionCondition. What the engine could not run is reported here,
// naming the step and the attribute, rather than failing a case later.
import type { MultiInstance, Node } from '../process/ir.ts';
import type { CompileContext, ProcessScope } from './compile-context.ts';
import { describe, quoted, sentence } from './describe-element.ts';
import { isJuel, isValidFeel, stripFeelMarker } from './feel-syntax.ts';
import { type Element, child, expressionBody, extension, raw, text } from './moddle-access.ts';

/** Most instances one step may run (the engine's MAX_INSTANCES; domain/ may not import the engine here). */
export const MAX_LITERAL_CARDINALITY = 1_000;

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Markers = Pick<Node, 'multiInstance' | 'instances' | 'loop'>;

interface Reader {
  element: Element;
  scope: ProcessScope;
  ctx: CompileContext;
}

function problem(reader: Reader, attribute: string, what: string): void {
  reader.ctx.report({
    code: 'invalid-multi-instance',
    // Only an executable process must run; elsewhere the marker is kept for the map.
    severity: reader.scope.isExecutable ? 'error' : 'warning',
    elementId: reader.element.id,
    attribute,
    message: `${sentence(describe(reader.element))} runs as multi-instance, but ${what}.`,
  });
}

/** A FEEL expression attribute, without its `=`; reported and left out when it is not FEEL. */
function feel(reader: Reader, attribute: string, value: string | undefined, example: string): string | undefined {
  if (value === undefined) return undefined;
  const expression = stripFeelMarker(value);
  if (isJuel(value) || !isValidFeel(expression)) {
    problem(reader, attribute, `its ${attribute} ${quoted(value)} is not a FEEL expression; write one such as ${quoted(example)}`);
    return undefined;
  }
  return expression;
}

/** A variable name attribute (inputElement, outputCollection); a leading `=` is tolerated. */
function name(reader: Reader, attribute: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const bare = stripFeelMarker(value);
  if (!VARIABLE_NAME.test(bare)) {
    problem(reader, attribute, `its ${attribute} ${quoted(value)} is not a case data field name; use letters, digits and _ , such as "dependant"`);
    return undefined;
  }
  return bare;
}

function readInstances(reader: Reader, loop: Element): MultiInstance {
  const attributes = extension(loop, 'zeebe:LoopCharacteristics') ?? extension(loop, 'casework:LoopCharacteristics');
  const attr = (property: string) => (attributes ? text(attributes, property) : undefined);
  const instances: MultiInstance = {};
  const set = <K extends keyof MultiInstance>(key: K, value: MultiInstance[K]) => {
    if (value !== undefined) instances[key] = value;
  };
  set('inputCollection', feel(reader, 'inputCollection', attr('inputCollection'), '=dependants'));
  set('inputElement', name(reader, 'inputElement', attr('inputElement')));
  set('outputCollection', name(reader, 'outputCollection', attr('outputCollection')));
  set('outputElement', feel(reader, 'outputElement', attr('outputElement'), '=result'));
  set('cardinality', feel(reader, 'loopCardinality', expressionBody(loop, 'loopCardinality')?.body, '=3'));
  set('completionCondition', feel(reader, 'completionCondition', expressionBody(loop, 'completionCondition')?.body, '=numberOfCompletedInstances >= 2'));

  if (attr('inputCollection') === undefined && expressionBody(loop, 'loopCardinality')?.body === undefined) {
    problem(reader, 'inputCollection', 'it does not say over what: set its input collection (a list in the case data, such as "=dependants") or its loop cardinality');
  }
  if ((attr('outputCollection') === undefined) !== (attr('outputElement') === undefined)) {
    problem(reader, attr('outputCollection') === undefined ? 'outputCollection' : 'outputElement', 'it names only one of its output collection and output element: set both, or neither');
  }
  const literal = instances.cardinality !== undefined && /^\d+$/.test(instances.cardinality) ? Number(instances.cardinality) : undefined;
  if (instances.inputCollection === undefined && literal !== undefined && literal > MAX_LITERAL_CARDINALITY) {
    problem(reader, 'loopCardinality', `its loop cardinality is ${literal}; Casemap runs at most ${MAX_LITERAL_CARDINALITY} instances of one step`);
  }
  return instances;
}

export function readMultiInstance(element: Element, scope: ProcessScope, ctx: CompileContext): Markers {
  const loop = child(element, 'loopCharacteristics');
  if (!loop) return {};
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return { loop: true };
  return {
    multiInstance: raw(loop, 'isSequential') === true ? 'sequential' : 'parallel',
    instances: readInstances({ element, scope, ctx }, loop),
  };
}
