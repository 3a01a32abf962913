// bpmnlint ships CommonJS without package-level type declarations; this is the part Casemap uses.
declare module 'bpmnlint' {
  import type { BpmnElement } from './support/bpmn-element.ts';

  export interface LintReport {
    readonly id?: string;
    readonly message: string;
    readonly category: 'error' | 'warn' | 'info' | 'rule-error';
    readonly [key: string]: unknown;
  }

  export interface LinterResolver {
    resolveRule(pkg: string, ruleName: string): unknown;
    resolveConfig(pkg: string, configName: string): unknown;
  }

  export class Linter {
    constructor(options: { config?: unknown; resolver: LinterResolver });
    lint(root: BpmnElement, config?: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  import type { RuleFactory } from './support/rule.ts';

  const rule: RuleFactory;
  export default rule;
}
