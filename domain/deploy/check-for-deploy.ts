// What stands between a diagram and a deployed version: the compiler's diagnostics and the
// executability checks. Errors block a deploy; warnings are returned with the new version.
import { compileWithModdle } from '../compile/compile.ts';
import { lintParsed } from '../checks/lint-bpmn.ts';
import type { ProcessIR } from '../process/ir.ts';

/** One finding at deploy time: the element at fault, a stable code and a sentence for the designer. */
export interface DeployIssue {
  elementId?: string;
  code: string;
  message: string;
}

export interface DeployCheck {
  ir: ProcessIR;
  errors: DeployIssue[];
  warnings: DeployIssue[];
}

export async function checkForDeploy(xml: string): Promise<DeployCheck> {
  const { ir, diagnostics, definitions, elementsById } = await compileWithModdle(xml);
  const errors: DeployIssue[] = [];
  const warnings: DeployIssue[] = [];
  for (const diagnostic of diagnostics) {
    const issue = { elementId: 'elementId' in diagnostic ? diagnostic.elementId : undefined, code: diagnostic.code, message: diagnostic.message };
    if (diagnostic.severity === 'error') errors.push(issue);
    else if (diagnostic.severity === 'warning') warnings.push(issue);
  }
  // Checks read the compiler's parse of the diagram; they only make sense once it parsed at all.
  if (definitions && elementsById) {
    for (const finding of await lintParsed(definitions, elementsById)) {
      const issue = { elementId: finding.elementId, code: finding.rule, message: finding.message };
      (finding.severity === 'error' ? errors : warnings).push(issue);
    }
  }
  return { ir, errors, warnings };
}
