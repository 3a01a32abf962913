// Where a task stands in its multi-instance step ("2 of 5 · 1 done"), the same in the inbox and on the case page.
import type { TaskRecord } from '../../../../domain/contract/task.ts';

export function instanceProgressText(instance: NonNullable<TaskRecord['instance']>): string {
  return `${instance.index} of ${instance.count} · ${instance.completed} done`;
}

export function InstanceProgress({ instance }: { instance: TaskRecord['instance'] }) {
  if (!instance) return null;
  return (
    <span className="instance-progress" title="One of the items this step runs for">
      {instanceProgressText(instance)}
    </span>
  );
}
