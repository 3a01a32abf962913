// The preview, case by case: whether each case can migrate (or why not, in words, naming the step
// and field at fault), where its tokens land, which tasks are kept, closed or opened, and which
// timers keep their time or start again. Nothing has changed yet.
import type { CaseMigrationPreview, MappableElement, MigrationPreview } from '../../../../../domain/contract/migration.ts';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { elementText, refusalText } from '../lib/element-text.ts';

interface Names {
  sources: ReadonlyMap<string, MappableElement>;
  targets: ReadonlyMap<string, MappableElement>;
}

const oldStep = (names: Names, id: string) => elementText(names.sources.get(id), id);
const newStep = (names: Names, id: string) => elementText(names.targets.get(id) ?? names.sources.get(id), id);

function Lines({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="migration-lines">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

function CaseRow({ preview, names }: { preview: CaseMigrationPreview; names: Names }) {
  const tasks = [
    ...preview.tasksKept.map((task) => `Kept: ${oldStep(names, task.from)} → ${newStep(names, task.to)}`),
    ...preview.tasksClosed.map((task) => `Closed: ${oldStep(names, task.nodeId)}`),
    ...preview.tasksOpened.map((task) => `Opened: ${newStep(names, task.nodeId)}`),
  ];
  const timers = [...preview.timersKept.map((timer) => `Kept: ${newStep(names, timer.nodeId)}`), ...preview.timersRestarted.map((timer) => `Restarted: ${newStep(names, timer.nodeId)}`)];
  return (
    <tr className={preview.migratable ? 'is-migratable' : 'is-refused'}>
      <th scope="row">
        <a href={hrefFor(['cases', preview.caseId])}>{preview.caseId}</a>
      </th>
      <td>
        {preview.migratable ? (
          <span className="badge migration-ok">Can migrate</span>
        ) : (
          <>
            <span className="badge migration-refused">Cannot migrate</span>
            <Lines items={preview.refusals.map((refusal) => refusalText(refusal, names.sources, names.targets))} />
          </>
        )}
      </td>
      <td>
        <Lines items={preview.moves.map((move) => `${oldStep(names, move.from)} → ${move.to ? newStep(names, move.to) : 'nowhere'}`)} />
      </td>
      <td>
        <Lines items={tasks} />
      </td>
      <td>
        <Lines items={timers} />
      </td>
    </tr>
  );
}

export function PreviewTable({ preview, sources, targets }: { preview: MigrationPreview } & Names) {
  const { summary } = preview;
  return (
    <section className="migration-preview" aria-labelledby="migration-preview-heading">
      <h2 id="migration-preview-heading">Preview</h2>
      <p role="status" data-testid="migration-summary">
        {summary.migratable} of {summary.cases} running case{summary.cases === 1 ? '' : 's'} can migrate; {summary.refused} cannot.
      </p>
      {preview.cases.length > 0 ? (
        <div className="migration-table-scroll">
          <table className="data-table" data-testid="migration-preview">
            <caption className="visually-hidden">What the plan would do to each running case</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Outcome</th>
                <th scope="col">Where it moves</th>
                <th scope="col">Tasks</th>
                <th scope="col">Timers</th>
              </tr>
            </thead>
            <tbody>
              {preview.cases.map((item) => (
                <CaseRow key={item.caseId} preview={item} names={{ sources, targets }} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

