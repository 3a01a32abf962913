// bpmnlint ships CommonJS without package-level type declarations; this is the part Casemap uses.
declare module 'bpmnlint' {
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
    lint(root: object, config?: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  // A bpmnlint RuleFactory; index.ts gives it Casemap's RuleFactory type where it registers it.
  const rule: (config?: Record<string, unknown>) => unknown;
  export default rule;
}
