// Reads what makes an event fire (its event definitions) into a Trigger; receive and send tasks
// get a message trigger from their messageRef, so the engine finds every message name in one place.
import type { Trigger } from '../process/ir.ts';
import type { CompileContext, ProcessScope } from './compile-context.ts';
import { describe, sentence } from './describe-element.ts';
import { stripFeelMarker } from './feel-syntax.ts';
import { type Element, child, children, expressionBody, extension, localType, raw, refId, text } from './moddle-access.ts';
import { readTimer } from './read-timer.ts';

/** `bpmn:TimerEventDefinition` → `timer`. */
const definitionKind = (definition: Element): string =>
  localType(definition.$type).replace(/EventDefinition$/, '');

function correlationKeyOf(message: Element): string | undefined {
  const key = text(message, 'casework:correlationKey') ?? text(extension(message, 'zeebe:Subscription') ?? message, 'correlationKey');
  return key === undefined ? undefined : stripFeelMarker(key);
}

export function messageTrigger(owner: Element, holder: Element, scope: ProcessScope, ctx: CompileContext): Trigger {
  const message = child(holder, 'messageRef');
  if (!message) {
    ctx.report({
      code: 'missing-message',
      severity: scope.isExecutable ? 'error' : 'warning',
      elementId: owner.id,
      message: `${sentence(describe(owner))} does not say which message it sends or waits for; choose a message (with a name) in its properties.`,
    });
    return { type: 'message', messageName: '' };
  }
  const correlationKey = correlationKeyOf(message);
  return {
    type: 'message',
    messageName: text(message, 'name') ?? message.id ?? '',
    ...(correlationKey ? { correlationKey } : {}),
  };
}

function single(event: Element, definition: Element, scope: ProcessScope, ctx: CompileContext): Trigger {
  switch (definition.$type) {
    case 'bpmn:TimerEventDefinition':
      return { type: 'timer', timer: readTimer(event, definition, ctx) };
    case 'bpmn:MessageEventDefinition':
      return messageTrigger(event, definition, scope, ctx);
    case 'bpmn:ErrorEventDefinition': {
      const error = child(definition, 'errorRef');
      return { type: 'error', errorCode: error && text(error, 'errorCode'), errorName: error && text(error, 'name') };
    }
    case 'bpmn:EscalationEventDefinition': {
      const escalation = child(definition, 'escalationRef');
      return {
        type: 'escalation',
        escalationCode: escalation && text(escalation, 'escalationCode'),
        escalationName: escalation && text(escalation, 'name'),
      };
    }
    case 'bpmn:SignalEventDefinition': {
      const signal = child(definition, 'signalRef');
      return { type: 'signal', signalName: signal && (text(signal, 'name') ?? signal.id) };
    }
    case 'bpmn:ConditionalEventDefinition': {
      const condition = expressionBody(definition, 'condition')?.body;
      return { type: 'conditional', condition: condition && stripFeelMarker(condition) };
    }
    case 'bpmn:LinkEventDefinition':
      return { type: 'link', linkName: text(definition, 'name') };
    case 'bpmn:TerminateEventDefinition':
      return { type: 'terminate' };
    case 'bpmn:CompensateEventDefinition':
      return {
        type: 'compensate',
        activityRef: refId(definition, 'activityRef'),
        // bpmn-moddle reads an absent attribute as true; only an explicit false changes anything.
        waitForCompletion: raw(definition, 'waitForCompletion') === false ? false : undefined,
      };
    case 'bpmn:CancelEventDefinition':
      return { type: 'cancel' };
    default:
      return { type: 'none' };
  }
}

/** Drops keys whose value is undefined, so the IR stays plain JSON. */
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function readTrigger(event: Element, scope: ProcessScope, ctx: CompileContext): Trigger {
  const definitions = children(event, 'eventDefinitions');
  const first = definitions[0];
  if (!first) return { type: 'none' };
  if (definitions.length === 1) return compact(single(event, first, scope, ctx));
  return { type: 'multiple', triggers: definitions.map(definitionKind) };
}
