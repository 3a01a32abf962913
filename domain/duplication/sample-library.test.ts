// The shipped sample library (processes/) must surface the duplicated assessments it was drawn
// with: identity/nationality checked by prison casework and again for redocumentation, and the
// risk assessment repeated at referral, in removals logistics and at the 72-hour point.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile/compile.ts';
import { findDuplication } from './analyse-library.ts';
import type { LibraryEntry } from './types.ts';

const dir = new URL('../../processes/', import.meta.url);

async function sampleLibrary(): Promise<LibraryEntry[]> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.bpmn')).sort();
  return Promise.all(
    files.map(async (file) => {
      const { ir } = await compile(readFileSync(new URL(file, dir), 'utf8'));
      const definitionId = file.replace(/\.bpmn$/, '');
      return { definitionId, name: ir.name ?? definitionId, ir };
    }),
  );
}

describe('the sample library', () => {
  it('surfaces the duplicated identity and risk assessments', async () => {
    const report = findDuplication(await sampleLibrary());
    const steps = (key: string): string[] => report.clusters.find((cluster) => cluster.key === key)?.steps.map((step) => step.nodeId).sort() ?? [];
    const similar = report.clusters.filter((cluster) => cluster.detector === 'similar-steps').map((cluster) => cluster.steps.map((step) => step.nodeId).sort());
    expect(similar).toContainEqual(['Task_prison_identity', 'Task_redoc_identity']);
    expect(similar).toContainEqual(['Task_72_hour_check', 'Task_assess_risk', 'Task_referral_risk']);
    // Risk data asked for at referral, on the ERF, in the assessment and again at 72 hours — across the call activity.
    expect(steps('repeated-data-capture:fno-returns-casework:disruptionHistory+medicalConditions+selfHarmRisk+violenceRisk')).toEqual(['Task_72_hour_check', 'Task_assess_risk', 'Task_erf', 'Task_referral_risk']);
    expect(steps('repeated-data-capture:fno-returns-casework:nationality')).toEqual(['Task_erf', 'Task_etd_application', 'Task_prison_identity', 'Task_redoc_identity', 'Task_refer']);
    // Near misses in the samples stay apart: booking a flight is not alerting the contractor to cancel it.
    expect(similar.flat()).not.toContain('Service_refund_alert');
  });
});
