// The lint findings (and the server's refusals on deploy) as a list; choosing one selects and
// shows its element on the canvas.
import type { LintFinding } from '../../../../../domain/checks/lint-bpmn.ts';

export interface Problem {
  readonly elementId?: string;
  readonly message: string;
  readonly severity: 'error' | 'warn';
  readonly source: 'lint' | 'server';
  /** A one-click repair, e.g. "Rewrite as FEEL" on a JUEL condition; applied as an undoable edit. */
  readonly fix?: { readonly label: string; readonly apply: () => void };
}

/** Finds the FEEL a JUEL finding's condition converts to (undefined: no quick-fix) and applies it. */
export interface JuelRewriter {
  rewriteFor(elementId: string | undefined): string | undefined;
  apply(elementId: string): boolean;
}

export function toProblems(findings: readonly LintFinding[], rewriter?: JuelRewriter): Problem[] {
  return findings.map((finding) => {
    const problem: Problem = { elementId: finding.elementId, message: finding.message, severity: finding.severity, source: 'lint' };
    const elementId = finding.elementId;
    if (!rewriter || elementId === undefined || finding.rule !== 'feel-expressions-parse' || rewriter.rewriteFor(elementId) === undefined) return problem;
    return { ...problem, fix: { label: 'Rewrite as FEEL', apply: () => void rewriter.apply(elementId) } };
  });
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
              {problem.fix ? (
                <>
                  {' '}
                  <button type="button" className="quick-fix" onClick={problem.fix.apply}>
                    {problem.fix.label}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
