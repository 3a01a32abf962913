// Which test files touch the store in a way DATABASE_URL changes: their runtime imports, followed
// with TypeScript's own module resolution, reach storage/ and also reach code that reads
// DATABASE_URL. CI runs only these a second time against a real PostgreSQL, so a new test that opens
// the configured database is picked up without editing a list, and one that only ever opens an
// in-memory PGlite is not run twice for nothing.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const STORE_FOLDER = 'storage';
export const DATABASE_SETTING = 'DATABASE_URL';

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config ?? {}, ts.sys, root, undefined, configPath).options;
}

export interface ModuleFacts {
  /**
   * Module specifiers the file loads when it runs: static imports and re-exports (not `import type`,
   * which vanish on compilation), dynamic `import('…')` with a literal, `vi.mock`/`require` of a literal.
   */
  imports: string[];
  /**
   * Whether its code reads DATABASE_URL (`env.DATABASE_URL`, `env['DATABASE_URL']`, `{ DATABASE_URL } = env`);
   * setting it for a child (`{ DATABASE_URL: url }`) or naming it in a comment is not reading it.
   */
  readsDatabaseSetting: boolean;
}

function readsSetting(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node)) return node.name.text === DATABASE_SETTING;
  if (ts.isElementAccessExpression(node)) return ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === DATABASE_SETTING;
  if (ts.isBindingElement(node)) {
    const key = node.propertyName ?? node.name;
    return (ts.isIdentifier(key) || ts.isStringLiteralLike(key)) && key.text === DATABASE_SETTING;
  }
  return false;
}

export function moduleFacts(file: string, source = readFileSync(file, 'utf8')): ModuleFacts {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  let readsDatabaseSetting = false;
  const visit = (node: ts.Node) => {
    if (readsSetting(node)) readsDatabaseSetting = true;
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      const onlyTypes = bindings && ts.isNamedImports(bindings) && !node.importClause?.name && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'vi' && ['mock', 'doMock', 'importActual'].includes(callee.name.text));
      if (loads) specifiers.push((node.arguments[0] as ts.StringLiteralLike).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { imports: specifiers, readsDatabaseSetting };
}

export interface StoreSelection {
  /** Test files (absolute paths) that reach storage/ and code reading DATABASE_URL, in the order given. */
  selected: string[];
  /** For each selected file, a shortest import chain to storage/ and one to code reading DATABASE_URL. */
  why: Map<string, { toStore: string[]; toSetting: string[] }>;
  /** Test files that reach storage/ but never read DATABASE_URL (an in-memory PGlite every time). */
  storeWithoutSetting: string[];
}

/** Picks the test files among `testFiles` whose behaviour DATABASE_URL changes (see the top of this file). */
export function selectStoreTests(testFiles: string[], root: string): StoreSelection {
  const options = compilerOptions(root);
  const storeDir = resolve(root, STORE_FOLDER) + sep;
  const host = ts.createCompilerHost(options);
  const facts = new Map<string, { imports: string[]; readsDatabaseSetting: boolean }>();
  const factsOf = (file: string) => {
    let found = facts.get(file);
    if (!found) {
      const own = moduleFacts(file);
      const imports: string[] = [];
      for (const specifier of own.imports) {
        const resolved = ts.resolveModuleName(specifier, file, options, host).resolvedModule;
        // Only our own sources: packages never import storage/ nor read Casemap's settings.
        if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes(`${sep}node_modules${sep}`)) continue;
        if (resolved.extension === ts.Extension.Dts) continue;
        imports.push(resolve(resolved.resolvedFileName));
      }
      found = { imports, readsDatabaseSetting: own.readsDatabaseSetting };
      facts.set(file, found);
    }
    return found;
  };
  // Breadth-first from the test, so each chain reported is a shortest one.
  const chainTo = (start: string, isGoal: (file: string) => boolean): string[] | undefined => {
    const parent = new Map<string, string | undefined>([[start, undefined]]);
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (isGoal(file)) {
        const chain: string[] = [];
        for (let at: string | undefined = file; at; at = parent.get(at)) chain.unshift(relative(root, at));
        return chain;
      }
      for (const next of factsOf(file).imports) {
        if (!parent.has(next)) {
          parent.set(next, file);
          queue.push(next);
        }
      }
    }
    return undefined;
  };
  const why: StoreSelection['why'] = new Map();
  const storeWithoutSetting: string[] = [];
  for (const file of testFiles.map((each) => resolve(each))) {
    const toStore = chainTo(file, (each) => each.startsWith(storeDir));
    if (!toStore) continue;
    const toSetting = chainTo(file, (each) => factsOf(each).readsDatabaseSetting);
    if (toSetting) why.set(file, { toStore, toSetting });
    else storeWithoutSetting.push(file);
  }
  return { selected: [...why.keys()], why, storeWithoutSetting };
}

/** The test files vitest itself would run (its own config and include patterns). */
export async function allTestFiles(root: string): Promise<string[]> {
  const { createVitest } = await import('vitest/node');
  const vitest = await createVitest('test', { root, watch: false, run: true }, {}, { stdout: process.stderr });
  try {
    return [...new Set((await vitest.globTestSpecifications()).map((spec) => spec.moduleId))].sort();
  } finally {
    await vitest.close();
  }
}

export const repositoryRoot = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
