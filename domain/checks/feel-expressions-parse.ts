// Conditions, FEEL SLAs and correlation keys are evaluated while a case runs; one that does not
// parse would stop a case mid-way, so it is caught when the diagram is checked instead.
import { element, expressionBody, extensionValues, is, mention, text, type BpmnElement } from './support/bpmn-element.ts';
import { feelSyntaxProblem, isJuel, stripFeelMarker } from './support/feel.ts';
import { juelToFeel } from './support/juel-to-feel.ts';
import { scriptOfTask } from './support/script-task.ts';
import type { Reporter, RuleFactory } from './support/rule.ts';
import { type DeployAllowance, literalWorkProblem, newDeployAllowance } from '../feel/evaluation-budget.ts';

const FEEL_LANGUAGES = ['feel', 'http://www.omg.org/spec/feel/20140401', 'https://www.omg.org/spec/dmn/20191111/feel/'];

function checkFeel(id: string, what: string, value: string, reporter: Reporter, allowance: DeployAllowance, language?: string): void {
  if (isJuel(value)) {
    const converted = juelToFeel(value);
    reporter.report(
      id,
      converted.ok
        ? `${what} is written in JUEL (Camunda 7), but Casemap evaluates FEEL: rewrite "${value}" as "${converted.feel}" (Rewrite as FEEL in the Designer, or casemap lint --fix).`
        : `${what} is written in JUEL (Camunda 7), but Casemap evaluates FEEL, and "${converted.part}" cannot be converted automatically: ${converted.reason}. Rewrite "${value}" as a FEEL expression starting with "=".`,
    );
    return;
  }
  if (language && !FEEL_LANGUAGES.includes(language.toLowerCase())) {
    reporter.report(id, `${what} is written in "${language}", but Casemap evaluates FEEL only: rewrite it as a FEEL expression starting with "=".`);
    return;
  }
  const problem = feelSyntaxProblem(stripFeelMarker(value));
  if (problem) {
    reporter.report(id, `${what} is not a valid FEEL expression (${problem}): check "${value}".`);
    return;
  }
  const tooMuch = literalWorkProblem(stripFeelMarker(value), allowance);
  if (tooMuch) reporter.report(id, `${what} would not be evaluated: ${tooMuch}; check "${value}".`);
}

function flowLabel(flow: BpmnElement): string {
  const [source, target] = [element(flow, 'sourceRef'), element(flow, 'targetRef')];
  const name = text(flow, 'name');
  const ends = source && target ? ` from ${mention(source)} to ${mention(target)}` : '';
  return `The condition of the path${name ? ` "${name}"` : ''}${ends}`;
}

const feelExpressionsParse: RuleFactory = () => {
  // One diagram's literal expressions share one allowance, so a diagram of thousands cannot make
  // the check itself slow (the run-time budget still bounds each expression it did not measure).
  const allowance = newDeployAllowance();
  return {
    meta: { description: 'Sequence flow conditions, FEEL SLAs, FEEL scripts and message correlation keys are FEEL that parses and stays within the work budget.' },
    check(node, reporter) {
      if (!node.id) return;
      if (is(node, 'bpmn:SequenceFlow')) {
        const condition = element(node, 'conditionExpression');
        const body = expressionBody(condition);
        if (body) checkFeel(node.id, flowLabel(node), body, reporter, allowance, text(condition, 'language'));
        return;
      }
      if (is(node, 'bpmn:ScriptTask')) {
        const script = scriptOfTask(node);
        if (script.kind === 'feel') checkFeel(node.id, `The script of ${mention(node)}`, script.expression, reporter, allowance);
      }
      if (is(node, 'bpmn:FlowNode')) {
        const sla = text(node, 'casework:sla');
        if (sla?.startsWith('=')) checkFeel(node.id, `The SLA of ${mention(node)}`, sla, reporter, allowance);
        return;
      }
      if (is(node, 'bpmn:Message')) {
        const key = text(node, 'casework:correlationKey');
        if (key) checkFeel(node.id, `The correlation key of ${mention(node)}`, key, reporter, allowance);
        for (const subscription of extensionValues(node).filter((value) => is(value, 'zeebe:Subscription'))) {
          const zeebeKey = text(subscription, 'correlationKey');
          if (zeebeKey) checkFeel(node.id, `The correlation key of ${mention(node)}`, zeebeKey, reporter, allowance);
        }
      }
    },
  };
};

export default feelExpressionsParse;
