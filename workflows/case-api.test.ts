import { describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/workflow';
import type { ProcessIR } from '../domain/process/ir.ts';
import { caseWorkflowArgs, pinnedProcess, type CaseWorkflowInput } from './case-api.ts';

const irOf = (hash: string) => ({ hash }) as unknown as ProcessIR;
const named: CaseWorkflowInput = { caseId: 'c1', definitionId: 'referral', version: 3, data: {} };

describe('the case workflow arguments', () => {
  it('name the version in the input and carry the IR as its own argument', () => {
    // given an input that still holds an IR (as an old run handed on by continue-as-new does)
    const [input, ir] = caseWorkflowArgs({ ...named, ir: irOf('old') }, irOf('v3'));

    // then the input names the version and the IR's hash, and only the second argument holds it
    expect(input).toEqual({ ...named, irHash: 'v3' });
    expect('ir' in input).toBe(false);
    expect(ir).toEqual(irOf('v3'));
  });

  it('run a case on its IR argument, or on the IR inside an input recorded before the split', () => {
    expect(pinnedProcess(named, irOf('v3'))).toEqual(irOf('v3'));
    expect(pinnedProcess({ ...named, ir: irOf('recorded') }, undefined)).toEqual(irOf('recorded'));
  });

  it('fail a case started without any IR, naming the case and the version', () => {
    const failure = (() => {
      try {
        return pinnedProcess(named, undefined);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'case-process-missing', nonRetryable: true, message: expect.stringContaining('version 3 of process referral') });
  });
});
