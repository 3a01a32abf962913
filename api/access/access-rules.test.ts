import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessPolicyTable, accessRules } from './access-rules.ts';

describe('the access policy table', () => {
  it('is written in docs/access.md exactly as the code states it', () => {
    const doc = readFileSync(new URL('../../docs/access.md', import.meta.url), 'utf8');
    const between = doc.split(/<!-- access-policy:start[^>]*-->\n/)[1]?.split('\n<!-- access-policy:end -->')[0];
    expect(between).toBe(accessPolicyTable());
  });

  it('says in words what every rule allows', () => {
    for (const [id, rule] of Object.entries(accessRules)) expect(rule.says.length, id).toBeGreaterThan(20);
  });
});
