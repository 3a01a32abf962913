// The BPMN → IR compiler: guards the input, parses with bpmn-moddle, reads the diagram into the
// IR and hashes it. It never throws on input: what it cannot read or run becomes a diagnostic.
import type { ProcessIR } from '../process/ir.ts';
import { sharedModdle } from '../process/moddle.ts';
import { CompileContext } from './compile-context.ts';
import { contentHash } from './content-hash.ts';
import type { Diagnostic } from './diagnostics.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits, checkInputLimits } from './input-limits.ts';
import { type Element, isElement } from './moddle-access.ts';
import { fromModdleWarnings } from './moddle-warnings.ts';
import { type IRContent, emptyContent, readDefinitions } from './read-definitions.ts';

export type CompileOptions = Partial<InputLimits>;

export interface CompileResult {
  ir: ProcessIR;
  diagnostics: Diagnostic[];
}

export interface CompileWithModdleResult extends CompileResult {
  /** The parsed `bpmn:Definitions`, for checks that need more than the IR; absent when unparsable. */
  definitions?: Element;
  /** Every parsed element by id, from the same parse; absent when unparsable. */
  elementsById?: Readonly<Record<string, unknown>>;
}

const withHash = (content: IRContent): ProcessIR => ({ ...content, hash: contentHash(content) });

const failed = (diagnostic: Diagnostic): CompileWithModdleResult => ({
  ir: withHash(emptyContent()),
  diagnostics: [diagnostic],
});

function unparsable(error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : undefined;
  const line = error instanceof Error ? /line: (\d+)/.exec(error.message)?.[1] : undefined;
  const where = line === undefined ? '' : ` near line ${Number(line) + 1}`;
  return {
    code: 'xml-unparsable',
    severity: 'error',
    message: `The file is not a readable BPMN 2.0 diagram${where}${detail ? ` (${detail})` : ''}; export it again from a BPMN modeller as BPMN 2.0 XML.`,
  };
}

export async function compileWithModdle(xml: string, options: CompileOptions = {}): Promise<CompileWithModdleResult> {
  if (typeof xml !== 'string') return failed(unparsable(undefined));
  const limits: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...options };
  const rejected = checkInputLimits(xml, limits);
  if (rejected.length > 0) return { ir: withHash(emptyContent()), diagnostics: rejected };

  let definitions: Element;
  let elementsById: Readonly<Record<string, unknown>>;
  const ctx = new CompileContext();
  try {
    const parsed = await sharedModdle().fromXML(xml, 'bpmn:Definitions');
    if (!isElement(parsed.rootElement)) return failed(unparsable(undefined));
    definitions = parsed.rootElement;
    elementsById = parsed.elementsById ?? {};
    for (const diagnostic of fromModdleWarnings(parsed.warnings ?? [])) ctx.report(diagnostic);
  } catch (error) {
    return failed(unparsable(error));
  }
  try {
    const ir = withHash(readDefinitions(definitions, ctx));
    return { ir, diagnostics: ctx.diagnostics, definitions, elementsById };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
    return failed({
      code: 'compiler-failure',
      severity: 'error',
      message: `Casemap could not finish reading this diagram because of a fault in Casemap, not in the diagram (${detail}); please report it with the file.`,
    });
  }
}

export async function compile(xml: string, options: CompileOptions = {}): Promise<CompileResult> {
  const { ir, diagnostics } = await compileWithModdle(xml, options);
  return { ir, diagnostics };
}
