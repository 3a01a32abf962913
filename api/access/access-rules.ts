// The access policy as a table: every route names one of these rules, and the rule says who may
// call it at all and which objects the caller may then see or act on. The object decisions are
// made in access-policy.ts; docs/access.md and the authorisation matrix test are generated from
// this table, so a route cannot exist without a rule and a rule cannot change unnoticed.
import type { Role } from '../../domain/contract/identity.ts';

/** Who may call a route at all. */
export type Caller = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] } | { kind: 'api-key'; scope: ApiKeyScope };

export const ApiKeyScopes = ['messages:send', 'messages:read'] as const;
export type ApiKeyScope = (typeof ApiKeyScopes)[number];

/**
 * The kind of object a rule guards, so the matrix test knows which attacks to try:
 * `case`/`task` routes must hide another team's case or task (404), `process` routes must refuse
 * a start of another team's process (403), `none` routes have nothing team-bound.
 */
export type GuardedObject = 'none' | 'case' | 'task' | 'process' | 'messages' | 'sender-messages';

export interface AccessRule {
  caller: Caller;
  objects: GuardedObject;
  /** The rule in one sentence, for docs/access.md and the OpenAPI document. */
  says: string;
}

const signedIn = { kind: 'signed-in' } as const;
const roles = (...names: Role[]) => ({ kind: 'roles', roles: names }) as const;

export const accessRules = {
  public: { caller: { kind: 'public' }, objects: 'none', says: 'Anyone, signed in or not (sign-in, health, the API description).' },
  'own-account': { caller: signedIn, objects: 'none', says: "Any signed-in person, about their own account and session only." },
  'teams.read': { caller: signedIn, objects: 'none', says: 'Any signed-in person may list team ids and names (not their members).' },
  'definitions.read': { caller: signedIn, objects: 'none', says: 'Any signed-in person may read deployed processes: the map of the work is shared, the cases are not.' },
  'definitions.design': { caller: roles('designer'), objects: 'none', says: 'Designers check, draft and deploy processes.' },
  'definitions.migrate': {
    caller: roles('designer'),
    objects: 'none',
    says: 'Designers plan, preview and run the migration of running cases to another version of a process; a migration shows case ids and where they wait, never case data.',
  },
  'case.start': {
    caller: roles('caseworker', 'team-lead'),
    objects: 'process',
    says: "A caseworker or lead starts a case only of a process their team may start: the teams the process names in `casework:starters`, else the team of its start event's lane; data only through the start form.",
  },
  'case.read': {
    caller: signedIn,
    objects: 'case',
    says: 'Full case (data, live state, all tasks and events) while one of the caller\'s teams owns it or holds an open task of it; a summary (status, owner, only their own teams\' tasks and events) once their team has handed it on; analysts and admins read every case; others get 404.',
  },
  'case.cancel': { caller: roles('team-lead'), objects: 'case', says: 'Only a lead of the team that owns the case now (or an admin) cancels it; others get 404.' },
  'task.list': { caller: roles('caseworker', 'team-lead'), objects: 'task', says: "Inbox views list tasks of the caller's teams; the escalated view only tasks of the teams the caller leads." },
  'task.act': {
    caller: roles('caseworker', 'team-lead'),
    objects: 'task',
    says: "Only tasks of the caller's teams, read or acted on (claim, complete, return, accept); the workflow also refuses a stale task or one claimed by someone else; others get 404.",
  },
  'task.reassign': {
    caller: roles('team-lead'),
    objects: 'task',
    says: 'Only a lead of the task\'s team reassigns it, to an existing team and to a person who is a member of the team the task ends up with.',
  },
  'messages.send': {
    caller: { kind: 'api-key', scope: 'messages:send' },
    objects: 'sender-messages',
    says: 'Another system sends messages with its API key; message ids are its own (per sender), and the answer never tells whether a named case exists.',
  },
  'messages.read-own': { caller: { kind: 'api-key', scope: 'messages:read' }, objects: 'sender-messages', says: 'An API key with messages:read lists only the messages that key sent.' },
  'messages.read': {
    caller: roles('team-lead'),
    objects: 'messages',
    says: "A lead lists only messages delivered to cases their teams may fully see; unmatched messages (no case) only admins.",
  },
  'signals.broadcast': {
    caller: roles('designer'),
    objects: 'none',
    says: "Designers (who name the signals processes wait for) and admins broadcast a signal; it reaches every case waiting for its name, whatever the case's team, so no team role may send one.",
  },
  'insights.read': { caller: roles('analyst'), objects: 'none', says: 'Analysts read every process\'s case log and reports, for improvement work; read only.' },
  'insights.logs': {
    caller: roles('analyst'),
    objects: 'none',
    says: "Analysts import event logs from other systems and list, analyse, discover from and delete the logs they imported; admins see every imported log; another analyst's log answers 404.",
  },
  'insights.at-risk': { caller: roles('analyst', 'team-lead'), objects: 'case', says: "Analysts see every at-risk case; leads only steps of their teams and cases their teams own." },
  'duplication.read': { caller: roles('analyst', 'designer', 'team-lead'), objects: 'none', says: 'Analysts, designers and leads read the duplication report (it is about processes, not cases).' },
  'duplication.mark': { caller: roles('analyst', 'designer'), objects: 'none', says: 'Analysts and designers mark a duplication as intended, with a reason.' },
  admin: { caller: roles('admin'), objects: 'none', says: 'Admins manage API keys and read the audit log.' },
} as const satisfies Record<string, AccessRule>;

export type AccessRuleId = keyof typeof accessRules;

export function ruleOf(id: AccessRuleId): AccessRule {
  return accessRules[id];
}

/** The caller part of a rule in words, e.g. "roles: designer (or admin)". */
export function describeCaller(caller: Caller): string {
  switch (caller.kind) {
    case 'public':
      return 'anyone';
    case 'signed-in':
      return 'signed in';
    case 'api-key':
      return `API key with ${caller.scope}`;
    case 'roles':
      return `${caller.roles.join(', ')} (or admin)`;
  }
}

/** The policy as a Markdown table (docs/access.md holds exactly this between its markers). */
export function accessPolicyTable(): string {
  const rows = Object.entries(accessRules).map(([id, rule]) => `| \`${id}\` | ${describeCaller(rule.caller)} | ${rule.says.replace(/\|/g, '\\|')} |`);
  return ['| rule | who may call | what they may see or do |', '|---|---|---|', ...rows].join('\n');
}
