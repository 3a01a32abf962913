// Writes small DMN 1.3 files for tests: a decision table from rows of cells, literal decisions,
// requirements between decisions. Test support only.

export interface TableSpec {
  id: string;
  name?: string;
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  /** Output column names; with `outputValues` for PRIORITY and OUTPUT ORDER. */
  outputs: Array<string | { name: string; outputValues?: string }>;
  /** Each row: input cells then output cells. */
  rules: string[][];
  requires?: string[];
}

export interface LiteralSpec {
  id: string;
  name?: string;
  expression: string;
  requires?: string[];
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const requirements = (requires: string[] = []): string =>
  requires.map((ref, index) => `<informationRequirement id="req-${ref}-${index}"><requiredDecision href="#${ref}"/></informationRequirement>`).join('');

function table(spec: TableSpec): string {
  const policy = `hitPolicy="${spec.hitPolicy ?? 'UNIQUE'}"${spec.aggregation ? ` aggregation="${spec.aggregation}"` : ''}`;
  const inputs = spec.inputs.map((expression, index) => `<input id="${spec.id}-in-${index}" label="${escape(expression)}"><inputExpression id="${spec.id}-ie-${index}"><text>${escape(expression)}</text></inputExpression></input>`).join('');
  const outputs = spec.outputs
    .map((output, index) => {
      const { name, outputValues } = typeof output === 'string' ? { name: output, outputValues: undefined } : output;
      return `<output id="${spec.id}-out-${index}" name="${escape(name)}">${outputValues ? `<outputValues><text>${escape(outputValues)}</text></outputValues>` : ''}</output>`;
    })
    .join('');
  const rules = spec.rules
    .map((row, rowIndex) => {
      const cells = row.map((cell, column) => {
        const tag = column < spec.inputs.length ? 'inputEntry' : 'outputEntry';
        return `<${tag} id="${spec.id}-r${rowIndex + 1}-c${column}"><text>${escape(cell)}</text></${tag}>`;
      });
      return `<rule id="${spec.id}-rule-${rowIndex + 1}">${cells.join('')}</rule>`;
    })
    .join('');
  return `<decision id="${spec.id}" name="${escape(spec.name ?? spec.id)}">${requirements(spec.requires)}<decisionTable id="${spec.id}-table" ${policy}>${inputs}${outputs}${rules}</decisionTable></decision>`;
}

function literal(spec: LiteralSpec): string {
  return `<decision id="${spec.id}" name="${escape(spec.name ?? spec.id)}">${requirements(spec.requires)}<literalExpression id="${spec.id}-expr"><text>${escape(spec.expression)}</text></literalExpression></decision>`;
}

export function dmnXml(decisions: Array<TableSpec | LiteralSpec>, id = 'decisions'): string {
  const body = decisions.map((spec) => ('expression' in spec ? literal(spec) : table(spec))).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="${id}" name="${id}" namespace="http://casemap.test/dmn">
${body}
</definitions>`;
}
