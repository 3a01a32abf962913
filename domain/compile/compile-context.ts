// What every reader shares while compiling one file: the diagnostics collected so far, and the
// process being read (its id, whether it is executable, its default calendar).
import type { Diagnostic } from './diagnostics.ts';
import type { Deadline } from '../process/ir.ts';

export interface ProcessScope {
  processId: string;
  isExecutable: boolean;
  calendar: Deadline['calendar'];
}

export class CompileContext {
  readonly diagnostics: Diagnostic[] = [];

  report(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }
}
