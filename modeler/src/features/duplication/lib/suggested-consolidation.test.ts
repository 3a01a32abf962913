import { describe, expect, it } from 'vitest';
import type { Cluster, Finding, StepRef } from '../../../../../domain/duplication/types.ts';
import { suggestedConsolidation } from './suggested-consolidation.ts';

const step = (nodeId: string, name: string, team: string | undefined, process = 'FNO returns casework'): StepRef => ({ definitionId: 'fno', process, nodeId, name, kind: 'userTask', ...(team ? { team } : {}) });

const cluster = (detector: Cluster['detector'], steps: StepRef[], findings: string[] = []): Cluster => ({
  key: `${detector}:x`,
  detector,
  rank: 1,
  title: 'x',
  score: 0.9,
  estimatedHoursPerMonth: 10,
  occurrencesPerMonth: 200,
  costBasis: 'defaults',
  steps,
  definitions: ['fno'],
  findings,
  evidence: [],
});

const capture = (key: string, fields: string[]): Finding => ({ detector: 'repeated-data-capture', kind: 'repeated-capture', key, score: 1, occurrences: [], fields, signature: key, evidence: [] });

describe('suggestedConsolidation', () => {
  it('asks teams doing the same step to rely on one of them', () => {
    const text = suggestedConsolidation(cluster('similar-steps', [step('a', 'Check nationality', 'prison-casework'), step('b', 'Verify nationality', 'redocumentation')]), []);
    expect(text).toBe('Have one team do this once and let the others use its result from the case record: it is now done by prison-casework and redocumentation.');
  });

  it('suggests merging steps one team does twice', () => {
    const text = suggestedConsolidation(cluster('similar-steps', [step('a', 'Check nationality', 'fno-returns'), step('b', 'Verify nationality', 'fno-returns')]), []);
    expect(text).toBe('Keep one of these 2 steps and remove the others, or merge them into one step.');
  });

  it('suggests a shared called process for a repeated run of steps, naming each process once', () => {
    const text = suggestedConsolidation(cluster('repeated-fragments', [step('a', 'A', 'x', 'Removals'), step('b', 'B', 'x', 'Removals'), step('c', 'A', 'y', 'Returns')]), []);
    expect(text).toBe('Draw these steps once as a shared process and call it (a call activity) from each place it now appears: Removals and Returns.');
  });

  it('names the fields of the cluster\'s own findings for repeated data capture', () => {
    const findings = [capture('k1', ['violenceRisk']), capture('k2', ['selfHarmRisk']), capture('other', ['surname'])];
    const text = suggestedConsolidation(cluster('repeated-data-capture', [step('a', 'Assess risk at referral', 'prison-casework'), step('b', 'Confirm risk at 72 hours', 'escorting')], ['k1', 'k2']), findings);
    expect(text).toMatch(/^Ask for selfHarmRisk and violenceRisk once, at the earliest of these steps/);
    expect(text).not.toContain('surname');
  });
});
