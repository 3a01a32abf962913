// The lint findings (and the server's refusals on deploy) as a list; choosing one selects and
// shows its element on the canvas.
import type { LintFinding } from '../../../../../domain/checks/lint-bpmn.ts';

export interface Problem {
  readonly elementId?: string;
  readonly message: string;
  readonly severity: 'error' | 'warn';
  readonly source: 'lint' | 'server';
}

export function toProblems(findings: readonly LintFinding[]): Problem[] {
  return findings.map((finding) => ({ elementId: finding.elementId, message: finding.message, severity: finding.severity, source: 'lint' }));
}

export function ProblemsList({ problems, linting, onSelect }: { problems: readonly Problem[]; linting: boolean; onSelect: (elementId: string) => void }) {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        Problems <span className="muted">({errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}{linting ? ', checking…' : ''})</span>
      </h2>
      {problems.length === 0 ? (
        <p className="status status-empty" data-testid="no-problems">
          {linting ? 'Checking the diagram…' : 'No problems: this diagram can be deployed.'}
        </p>
      ) : (
        <ul data-testid="problems-list">
          {problems.map((problem, index) => (
            <li key={`${problem.source}-${index}`} className={`problem problem-${problem.severity}`}>
              <span className="badge">{problem.severity === 'error' ? 'Error' : 'Warning'}</span>
              {problem.source === 'server' ? <span className="badge">server</span> : null}{' '}
              {problem.elementId ? (
                <button type="button" className="link-button" onClick={() => onSelect(problem.elementId!)}>
                  {problem.message}
                </button>
              ) : (
                <span>{problem.message}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
