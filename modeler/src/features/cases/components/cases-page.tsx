// Case search: by process, status and owning team, newest first.
import { useState, type FormEvent } from 'react';
import { hrefFor, navigate, type Route } from '../../../shared/routing/hash-route.ts';
import { Empty, ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { CASE_PAGE_SIZE, CaseSearchStatus, useCases } from '../api/get-cases.ts';

const STATUSES = CaseSearchStatus.options;

export function CasesPage({ route }: { route: Route }) {
  const filter = {
    definitionId: route.query.get('definitionId') ?? undefined,
    // A status the search does not know (an edited address) is no filter rather than a refused search.
    status: CaseSearchStatus.safeParse(route.query.get('status')).data,
    ownerTeam: route.query.get('ownerTeam') ?? undefined,
    offset: Number(route.query.get('offset') ?? 0) || 0,
  };
  const cases = useCases(filter);
  const [draft, setDraft] = useState<Record<'definitionId' | 'status' | 'ownerTeam', string>>({ definitionId: filter.definitionId ?? '', status: filter.status ?? '', ownerTeam: filter.ownerTeam ?? '' });

  function search(event: FormEvent) {
    event.preventDefault();
    navigate(hrefFor(['cases'], { definitionId: draft.definitionId.trim(), status: draft.status, ownerTeam: draft.ownerTeam.trim() }));
  }
  const page = (offset: number) => hrefFor(['cases'], { definitionId: filter.definitionId, status: filter.status, ownerTeam: filter.ownerTeam, offset: offset > 0 ? String(offset) : undefined });

  return (
    <section>
      <h1>Cases</h1>
      <form className="filters" onSubmit={search} aria-label="Search cases">
        <label htmlFor="case-process">Process id</label>
        <input id="case-process" value={draft.definitionId} onChange={(e) => setDraft({ ...draft, definitionId: e.target.value })} />
        <label htmlFor="case-status">Status</label>
        <select id="case-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
          <option value="">Any</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <label htmlFor="case-team">Owning team</label>
        <input id="case-team" value={draft.ownerTeam} onChange={(e) => setDraft({ ...draft, ownerTeam: e.target.value })} />
        <button type="submit">Search</button>
      </form>
      {cases.error ? <ErrorMessage error={cases.error} onRetry={cases.reload} /> : null}
      {cases.loading && !cases.data ? <Loading what="cases" /> : null}
      {cases.data && cases.data.items.length === 0 ? <Empty>No cases match.</Empty> : null}
      {cases.data && cases.data.items.length > 0 ? (
        <>
          <table className="data-table">
            <caption className="visually-hidden">Cases</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Process</th>
                <th scope="col">Status</th>
                <th scope="col">Owning team</th>
                <th scope="col">Started</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <a href={hrefFor(['cases', item.id])}>{item.id}</a>
                  </td>
                  <td>
                    {item.definitionId} v{item.version}
                  </td>
                  <td>
                    <span className={`badge status-${item.status}`}>{item.status}</span>
                  </td>
                  <td>{item.ownerTeam ?? '—'}</td>
                  <td>{formatWhen(item.startedAt)}</td>
                  <td>{item.updatedAt ? formatWhen(item.updatedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages of cases">
            {filter.offset > 0 ? <a href={page(Math.max(0, filter.offset - CASE_PAGE_SIZE))}>Previous</a> : null}
            <span>
              {filter.offset + 1}–{filter.offset + cases.data.items.length} of {cases.data.total}
            </span>
            {filter.offset + CASE_PAGE_SIZE < cases.data.total ? <a href={page(filter.offset + CASE_PAGE_SIZE)}>Next</a> : null}
          </nav>
        </>
      ) : null}
    </section>
  );
}
