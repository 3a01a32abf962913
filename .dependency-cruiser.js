// Import rules checked in `npm test` by bin/dependency-rules.test.ts: no import cycle, and the
// layers of ../shared/DESIGN.md §3 (docs/architecture.md), judged on resolved paths.
//
// eslint.config.js keeps what only a linter sees (domain/'s clock, randomness and DOM/Node
// globals) and gives editor feedback on imports; the import rules live here because
// dependency-cruiser resolves every import to a file (so `..`, index files and any spelling of a
// path are caught), knows every Node built-in rather than a hand-kept list, can tell a type-only
// import from one that survives compilation, covers modeler/ (eslint turns import rules off there)
// and is the only one of the two that sees cycles.

/** Test files may read fixtures from disk; everything else in a pure folder may not. */
const TEST_FILE = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Modules that import each other, directly or round a circle, cannot be understood or tested one at a time. ' +
        'Break the circle: move what both need into a module below them (a leaf of shared types, a drain step, a module of its own).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment: 'domain/ is bundled into the Temporal workflow sandbox and the browser: it imports nothing of ours outside domain/.',
      from: { path: '^domain/' },
      to: { pathNot: '^(domain|node_modules)/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      comment: 'domain/ runs in the Temporal sandbox and the browser: no Node built-in (its tests may read fixtures).',
      from: { path: '^domain/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-bin-wires-api',
      severity: 'error',
      comment:
        'Nothing imports api/ except the composition root: stack/, which assembles a running Casemap, and bin/, which starts it ' +
        '(tests and benchmarks may import anything).',
      from: { pathNot: '^(api|stack|bin|tests|bench)/' },
      to: { path: '^api/' },
    },
    {
      name: 'only-bin-wires-modeler',
      severity: 'error',
      comment: 'Nothing imports modeler/ except bin/, which serves it (tests and benchmarks may import anything).',
      from: { pathNot: '^(modeler|bin|tests|bench)/' },
      to: { path: '^modeler/' },
    },
    {
      name: 'nothing-imports-bin',
      severity: 'error',
      comment: 'bin/ holds entry points, not libraries: move what others need into stack/, runtime/ or the layer it belongs to.',
      from: { pathNot: '^(bin|tests|bench)/' },
      to: { path: '^bin/' },
    },
    {
      name: 'only-entry-points-start-the-stack',
      severity: 'error',
      comment:
        'stack/ is the composition root: it wires api/, the worker, storage and the demo together, so only entry points ' +
        '(bin/) and tests and benchmarks start it; a layer that imported it would import everything.',
      from: { pathNot: '^(stack|bin|tests|bench)/' },
      to: { path: '^stack/' },
    },
    {
      name: 'only-the-stack-runs-the-demo',
      severity: 'error',
      comment:
        'demo/ (demo users, the demo load) runs only on a development Casemap: the stack decides when, ' +
        'and no layer of the product depends on it.',
      from: { pathNot: '^(demo|stack|bin|tests|bench)/' },
      to: { path: '^demo/' },
    },
    {
      name: 'api-reaches-storage-through-services',
      severity: 'error',
      comment:
        'Route handlers parse the request, call a service and shape the response; services/ owns every storage call and ' +
        'transaction. Type-only imports count too: the shapes api/ needs come from domain/contract/ or from the service it calls.',
      from: { path: '^api/' },
      to: { path: '^storage/' },
    },
    {
      name: 'services-import-only-domain-and-storage',
      severity: 'error',
      comment:
        'services/ sits between api/ and storage/: it uses domain/ and storage/ (and Node), never api/ (HTTP, problems, the ' +
        'access policy) nor anything above it. Starting and cancelling a case reach the case workflow through its public ' +
        'surface, workflows/case-api.ts (its Update, Signal and Query definitions), and no other workflow file.',
      from: { path: '^services/' },
      to: { pathNot: '^((services|domain|storage|node_modules)/|workflows/case-api\\.ts$)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'workflows-import-only-domain',
      severity: 'error',
      comment:
        'Workflow code runs in the deterministic Temporal sandbox: it imports domain/ and activity types only, ' +
        'never storage, the API, the runtime or a Node built-in.',
      from: { path: '^workflows/', pathNot: TEST_FILE },
      to: { pathNot: '^(workflows|domain|activities|node_modules)/' },
    },
    {
      name: 'workflows-import-activity-types-only',
      severity: 'error',
      comment: 'A workflow calls activities through proxyActivities: import their types (`import type`), never their code.',
      from: { path: '^workflows/', pathNot: TEST_FILE },
      // `import type` only: `import { type X }` still loads the module when the workflow bundle runs.
      to: { path: '^activities/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modeler-imports-only-domain',
      severity: 'error',
      comment: 'The browser app shares domain/ with the server and nothing else of ours; it talks to the server over HTTP.',
      from: { path: '^modeler/' },
      to: { pathNot: '^(modeler|domain|node_modules)/', dependencyTypesNot: ['core'] },
    },
  ],
  options: {
    exclude: { path: '^(node_modules|\\.git|\\.tools|\\.data|dist|modeler/dist|test-artifacts|coverage)/' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a circle of types is still a circle, and "activity types only" needs them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
