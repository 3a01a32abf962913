// Where one of Schemathesis's checks does not apply to a Casemap operation as it stands, and why:
// each entry names one operation and one check, widens or turns off only that, and gives the
// reason. Every other operation gets every check at Schemathesis's defaults; not_a_server_error,
// status, content-type and response-schema conformance are never relaxed.

type Check = 'positive_data_acceptance' | 'negative_data_rejection' | 'missing_required_header' | 'use_after_free' | 'ensure_resource_availability' | 'ignored_auth';

export interface CheckSetting {
  /** The operation as the OpenAPI document names it, e.g. `POST /api/definitions/deploy`. */
  operation: string;
  check: Check;
  /** Statuses accepted besides the check's defaults; absent means the check is off for this operation. */
  alsoExpect?: number[];
  reason: string;
}

/**
 * Schemathesis 4.32.5's own defaults, which the widened lists extend, plus 431: Node's HTTP server
 * refuses a request line or headers over 16 KB before Casemap reads them (declared on every
 * operation in the document). Long generated queries hit that limit whatever their values, so
 * for these two checks it counts as a refusal, not as invalid data accepted or valid data refused.
 */
const defaults: Partial<Record<Check, string[]>> = {
  positive_data_acceptance: ['2xx', '3xx', '401', '403', '404', '409', '429', '5xx', '431'],
  negative_data_rejection: ['400', '401', '403', '404', '405', '406', '409', '415', '422', '428', '429', '5xx', '431'],
};

export const checkSettings: CheckSetting[] = [
  {
    operation: 'POST /api/insights/simulate',
    check: 'positive_data_acceptance',
    alsoExpect: [422],
    reason: 'A simulation is fitted to the process\'s own history: a well-formed request whose history range holds no cases, or whose run would exceed the limits (1.5M engine steps, 120 s), cannot be served as it stands (422 cannot-simulate naming body.definitionId or body.weeks); no schema can say which ranges hold cases.',
  },
  {
    operation: 'POST /api/definitions/check',
    check: 'positive_data_acceptance',
    alsoExpect: [422],
    reason: 'The body\'s `xml` is a BPMN diagram; a JSON Schema can only say "a string", so a schema-valid string that is not a readable diagram is rightly 422 with the diagram\'s diagnostics.',
  },
  {
    operation: 'POST /api/definitions/deploy',
    check: 'positive_data_acceptance',
    alsoExpect: [422],
    reason: 'As for /definitions/check: a schema-valid string that is not a diagram passing the checks cannot be deployed (422, naming the element at fault).',
  },
  {
    operation: 'PUT /api/definitions/{id}/draft',
    check: 'positive_data_acceptance',
    alsoExpect: [422],
    reason: 'A draft is a BPMN diagram too; the schema says "a string", the diagram parser decides (422).',
  },
  {
    operation: 'POST /api/insights/import',
    check: 'positive_data_acceptance',
    alsoExpect: [400],
    reason: 'The body\'s `content` is a CSV or XES event log whose columns are named by `mapping`; a schema-valid string without those columns is 400 naming body.content and the missing column.',
  },
  {
    operation: 'GET /api/cases',
    check: 'positive_data_acceptance',
    alsoExpect: [400],
    reason: 'The `data` filters follow a small grammar (field:op:value, described in the parameter) read by a parser, not a regex the document could carry; a string outside it is 400 naming query.data.N.',
  },
  {
    operation: 'GET /api/insights/compare',
    check: 'positive_data_acceptance',
    alsoExpect: [400],
    reason: 'baseVersion and otherVersion go together (a rule across two parameters, which OpenAPI parameters cannot state); one without the other is 400 naming the missing one.',
  },
  {
    operation: 'GET /api/insights/logs/{logId}/compare',
    check: 'positive_data_acceptance',
    alsoExpect: [400],
    reason: 'Each side needs a bound (baseFrom or baseTo, otherFrom or otherTo): a rule across parameters, which OpenAPI parameters cannot state; a side without one is 400 naming query.baseFrom.',
  },
  {
    operation: 'POST /api/insights/logs',
    check: 'positive_data_acceptance',
    alsoExpect: [400, 415],
    reason: 'The body is the log file itself (XES, CSV or OCEL 2.0, gzipped or not), streamed as it arrives rather than parsed by a schema, so the document carries no request body; a request without the file is 415 naming header.content-type, a malformed file 400 naming its line.',
  },
  {
    operation: 'GET /api/definitions/{id}/migration-plan',
    check: 'positive_data_acceptance',
    alsoExpect: [400],
    reason: 'from and to must name two different deployed versions: a rule across two parameters, which OpenAPI parameters cannot state; the same version twice is 400 naming query.to.',
  },
  {
    operation: 'POST /api/definitions/{id}/migrations/preview',
    check: 'positive_data_acceptance',
    alsoExpect: [400],
    reason: 'A plan is read against the two versions it names: fromVersion and toVersion must differ (a rule across two fields) and each mapping must name elements those versions have, which no JSON Schema of the body can know; either is 400 naming the field and element.',
  },
  {
    operation: 'POST /api/definitions/{id}/migrations',
    check: 'positive_data_acceptance',
    alsoExpect: [400],
    reason: 'As for the preview: the same plan, checked against the two versions before anything starts (400 naming the field and element).',
  },
  {
    operation: 'POST /api/tasks/{taskId}/reassign',
    check: 'positive_data_acceptance',
    alsoExpect: [400],
    reason: 'The body needs toUser, toTeam or both: a zod refinement across fields that the generated JSON Schema does not carry; `{}` is 400 naming body.',
  },
  {
    operation: 'POST /api/cases',
    check: 'positive_data_acceptance',
    alsoExpect: [422],
    reason: 'Case data must fit the start form of the named process, which differs per process and version; the document can only say "an object", so data the form does not take is 422 naming each field.',
  },
  {
    operation: 'POST /api/tasks/{taskId}/complete',
    check: 'positive_data_acceptance',
    alsoExpect: [422],
    reason: 'Completion data must fit the task\'s own form (per step, per process version); data it does not take is 422 naming each field.',
  },
];

function tomlString(value: string): string {
  return JSON.stringify(value);
}

/**
 * No NUL characters in generated strings: Casemap refuses one in every field of every request
 * (PostgreSQL cannot store it; api/validation.ts answers 400 naming the field), a rule the
 * document would have to repeat on every string and inside free-form case data to keep Schemathesis
 * from counting the refusal as "valid data rejected". tests/reliability/hostile-input.test.ts sends
 * NULs in bodies, queries, paths and the username instead.
 */
const generation = ['[generation]', 'allow-x00 = false'].join('\n');

const everyOperation = (['positive_data_acceptance', 'negative_data_rejection'] as const).map((check) => `[checks.${check}]\nexpected-statuses = [${defaults[check]!.map(tomlString).join(', ')}]`).join('\n\n');


/** The settings as a schemathesis.toml: one [[operations]] table per operation, holding all its checks' settings. */
export function schemathesisConfig(settings: CheckSetting[] = checkSettings): string {
  const byOperation = new Map<string, CheckSetting[]>();
  for (const setting of settings) byOperation.set(setting.operation, [...(byOperation.get(setting.operation) ?? []), setting]);
  const tables = [...byOperation].map(([operation, entries]) => {
    // The name filter alone: separate method and path filters would each match on their own.
    const lines = ['[[operations]]', `include-name = ${tomlString(operation)}`];
    for (const entry of entries) {
      lines.push(`# ${entry.reason.replace(/\n/g, ' ')}`);
      if (entry.alsoExpect) lines.push(`checks.${entry.check}.expected-statuses = [${[...(defaults[entry.check] ?? []), ...entry.alsoExpect.map(String)].map(tomlString).join(', ')}]`);
      else lines.push(`checks.${entry.check}.enabled = false`);
    }
    return lines.join('\n');
  });
  return `# Written by bench/reliability/schemathesis-settings.ts; edit the reasons there.\n\n${generation}\n\n${everyOperation}\n\n${tables.join('\n\n')}\n`;
}
