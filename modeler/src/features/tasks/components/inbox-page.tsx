// The inbox: tabs for my tasks, the team queue, unassigned, overdue and due-soon work, and (for
// team leads) what was escalated to them; sortable.
import { useState } from 'react';
import { hrefFor, navigate, type Route } from '../../../shared/routing/hash-route.ts';
import { useSession } from '../../../shared/session/session-context.ts';
import { Empty, ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { InboxSorts, inboxViewsFor, useTasks, type InboxSort, type InboxView, type Task } from '../api/get-tasks.ts';
import type { TaskActionResult } from '../api/next-steps.ts';
import { TaskCard } from './task-card.tsx';
import { NextStepsPanel } from './next-steps-panel.tsx';

const isSort = (value: string | null): value is InboxSort => InboxSorts.some((sort) => sort.id === value);

export function InboxPage({ route }: { route: Route }) {
  const views = inboxViewsFor(useSession().user);
  const isView = (value: string | null): value is InboxView => views.some((candidate) => candidate.id === value);
  const view: InboxView = isView(route.query.get('view')) ? (route.query.get('view') as InboxView) : 'mine';
  const sort: InboxSort = isSort(route.query.get('sort')) ? (route.query.get('sort') as InboxSort) : 'due';
  const tasks = useTasks(view, sort);
  const [completed, setCompleted] = useState<{ name: string; result: TaskActionResult }>();
  const go = (next: { view?: InboxView; sort?: InboxSort }) => navigate(hrefFor(['tasks'], { view: next.view ?? view, sort: next.sort ?? sort }));
  const now = new Date();

  function onCompleted(task: Task, result: TaskActionResult) {
    setCompleted({ name: task.name, result });
  }

  return (
    <section className="inbox">
      <h1>Tasks</h1>
      {completed ? <NextStepsPanel taskName={completed.name} result={completed.result} onDismiss={() => setCompleted(undefined)} /> : null}
      <div className="toolbar">
        <div role="tablist" aria-label="Inbox views" className="tabs">
          {views.map((tab) => (
            <a key={tab.id} role="tab" aria-selected={tab.id === view} className={tab.id === view ? 'tab active' : 'tab'} href={hrefFor(['tasks'], { view: tab.id, sort })}>
              {tab.label}
            </a>
          ))}
        </div>
        <label htmlFor="inbox-sort">Sort by</label>
        <select id="inbox-sort" value={sort} onChange={(e) => go({ sort: e.target.value as InboxSort })}>
          {InboxSorts.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={tasks.reload}>
          Refresh
        </button>
      </div>
      <div role="tabpanel" aria-label={views.find((tab) => tab.id === view)?.label}>
        {tasks.error ? <ErrorMessage error={tasks.error} onRetry={tasks.reload} /> : null}
        {tasks.loading && !tasks.data ? <Loading what="tasks" /> : null}
        {tasks.data && tasks.data.items.length === 0 ? <Empty>No tasks in this view.</Empty> : null}
        {tasks.data && tasks.data.items.length > 0 ? (
          <>
            <p className="muted">
              {tasks.data.total} task{tasks.data.total === 1 ? '' : 's'}
            </p>
            <ul className="task-list">
              {tasks.data.items.map((task) => (
                <TaskCard key={task.id} task={task} now={now} onCompleted={onCompleted} />
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
