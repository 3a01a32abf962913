// Casemap's executability checks as a bpmnlint plugin ("casemap"): the rules, the presets, and a
// resolver that hands bpmnlint its rules without Node module resolution, so the same Linter runs
// in the browser, in the API and in the CLI.
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import executableElementsOnly from './executable-elements-only.ts';
import feelExpressionsParse from './feel-expressions-parse.ts';
import gatewayCoversAllCases from './gateway-covers-all-cases.ts';
import handoffAcceptanceSla from './handoff-acceptance-sla.ts';
import juelOwners from './juel-owners.ts';
import linkEventsMatch from './link-events-match.ts';
import noDeadEnds from './no-dead-ends.ts';
import noUnreachableElements from './no-unreachable-elements.ts';
import timerParses from './timer-parses.ts';
import userTaskOwner from './user-task-owner.ts';
import validFormFields from './valid-form-fields.ts';
import type { LintConfig, RuleFactory, RuleSetting } from './support/rule.ts';

export type { LintConfig, Reporter, RuleDefinition, RuleFactory, RuleLevel, RuleSetting } from './support/rule.ts';

export const PLUGIN_NAME = 'casemap';
export const PLUGIN_PACKAGE = `bpmnlint-plugin-${PLUGIN_NAME}`;

export const rules = {
  'user-task-owner': userTaskOwner,
  'handoff-acceptance-sla': handoffAcceptanceSla,
  'timer-parses': timerParses,
  'gateway-covers-all-cases': gatewayCoversAllCases,
  'no-unreachable-elements': noUnreachableElements,
  'no-dead-ends': noDeadEnds,
  'valid-form-fields': validFormFields,
  'executable-elements-only': executableElementsOnly,
  'feel-expressions-parse': feelExpressionsParse,
  'link-events-match': linkEventsMatch,
  'juel-owners': juelOwners,
} as const satisfies Record<string, RuleFactory>;

export type CasemapRuleId = keyof typeof rules;
export const casemapRuleIds = Object.keys(rules) as CasemapRuleId[];

// bpmnlint's rules are untyped JavaScript with the same factory shape as Casemap's.
const core = (factory: (config?: Record<string, unknown>) => unknown): RuleFactory => factory as RuleFactory;

/** bpmnlint's own rules that Casemap also applies, loaded statically (no Node resolution). */
export const coreRules = {
  'start-event-required': core(startEventRequired),
  'end-event-required': core(endEventRequired),
  'single-blank-start-event': core(singleBlankStartEvent),
  'single-event-definition': core(singleEventDefinition),
  'sub-process-blank-start-event': core(subProcessBlankStartEvent),
  'event-based-gateway': core(eventBasedGateway),
  'no-duplicate-sequence-flows': core(noDuplicateSequenceFlows),
  'fake-join': core(fakeJoin),
  'superfluous-gateway': core(superfluousGateway),
  'label-required': core(labelRequired),
} as const satisfies Record<string, RuleFactory>;

export type CoreRuleId = keyof typeof coreRules;

/**
 * The plugin's preset. Rules are errors, except the gateway whose every path has a condition but
 * none is the default, which is reported as a warning (the rule's noDefaultSeverity option), and a
 * JUEL owner the step can do without, which juel-owners reports as a warning.
 */
export const recommended = {
  rules: {
    'user-task-owner': 'error',
    'handoff-acceptance-sla': 'error',
    'timer-parses': 'error',
    'gateway-covers-all-cases': ['error', { noDefaultSeverity: 'warn' }],
    'no-unreachable-elements': 'error',
    'no-dead-ends': 'error',
    'valid-form-fields': 'error',
    'executable-elements-only': 'error',
    'feel-expressions-parse': 'error',
    'link-events-match': 'error',
    'juel-owners': 'error',
  },
} as const satisfies LintConfig & { rules: Record<CasemapRuleId, RuleSetting> };

export const configs = { recommended } as const;

const coreRuleLevels = {
  'start-event-required': 'error',
  'end-event-required': 'error',
  'single-blank-start-event': 'error',
  'single-event-definition': 'error',
  'sub-process-blank-start-event': 'error',
  'event-based-gateway': 'error',
  'no-duplicate-sequence-flows': 'error',
  'fake-join': 'warn',
  'superfluous-gateway': 'warn',
  'label-required': 'warn',
} as const satisfies Record<CoreRuleId, RuleSetting>;

/** What Casemap checks before a process is deployed: the plugin preset plus the core rules above. */
export const casemapLintConfig: LintConfig = {
  extends: `plugin:${PLUGIN_NAME}/recommended`,
  rules: coreRuleLevels,
};

const has = <T extends object>(record: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(record, key);

/** A bpmnlint resolver over the rules and presets above; anything else is unknown. */
export const resolver = {
  resolveRule(pkg: string, name: string): RuleFactory | undefined {
    if (pkg === PLUGIN_PACKAGE && has(rules, name)) return rules[name];
    if (pkg === 'bpmnlint' && has(coreRules, name)) return coreRules[name];
    return undefined;
  },
  resolveConfig(pkg: string, name: string): LintConfig | undefined {
    return pkg === PLUGIN_PACKAGE && has(configs, name) ? configs[name] : undefined;
  },
};
