// The shape of a bpmnlint rule, typed for Casemap's rules (bpmnlint itself ships JavaScript).
import type { BpmnElement } from './bpmn-element.ts';

export interface Reporter {
  report(elementId: string, message: string, context?: { readonly severity?: 'error' | 'warn'; readonly [key: string]: unknown }): void;
}

export type CheckFunction = (node: BpmnElement, reporter: Reporter) => boolean | void;

export interface RuleDefinition {
  readonly meta?: { readonly description?: string; readonly documentation?: { readonly url?: string } };
  readonly check: CheckFunction | { readonly enter?: CheckFunction; readonly leave?: CheckFunction };
}

export type RuleFactory = (config?: Record<string, unknown>) => RuleDefinition;

export type RuleLevel = 'off' | 'warn' | 'error';
export type RuleSetting = RuleLevel | readonly [RuleLevel, Record<string, unknown>];

export interface LintConfig {
  readonly extends?: string | readonly string[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}
