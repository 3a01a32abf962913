// The app shell: restores or asks for a session, shows the navigation the user's roles allow, and
// routes on location.hash to the features.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { SessionContext } from '../shared/session/session-context.ts';
import { hasRole, homeFor, type User } from '../shared/session/user.ts';
import { UNAUTHENTICATED_EVENT } from '../shared/api/http.ts';
import { navigate, useRoute, type Route } from '../shared/routing/hash-route.ts';
import { Loading } from '../shared/components/status.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { changeSignedInUser, useMe } from '../features/auth/api/get-me.ts';
import { useLogout } from '../features/auth/api/logout.ts';
import { InboxPage } from '../features/tasks/components/inbox-page.tsx';
import { CasesPage } from '../features/cases/components/cases-page.tsx';
import { CasePage } from '../features/cases/components/case-page.tsx';
import { Navigation } from './navigation.tsx';
import './styles.css';

const DesignerPage = lazy(() => import('../features/designer/components/designer-page.tsx'));
const InsightsPage = lazy(() => import('../features/insights/components/insights-page.tsx'));
const MigrationPage = lazy(() => import('../features/migration/components/migration-page.tsx'));
const DuplicationReportPage = lazy(() => import('../features/duplication/components/duplication-report-page.tsx'));

function NotAvailable({ what }: { what: string }) {
  return (
    <section>
      <h1>{what}</h1>
      <p>Your roles do not include {what}. Ask an administrator if you need it.</p>
    </section>
  );
}

function Page({ route, user }: { route: Route; user: User }) {
  const [section, id] = route.path;
  switch (section) {
    case 'tasks':
      return hasRole(user, 'caseworker', 'team-lead', 'admin') ? <InboxPage route={route} /> : <NotAvailable what="Tasks" />;
    case 'cases':
      return id ? <CasePage key={id} caseId={id} /> : <CasesPage route={route} />;
    case 'designer':
      // Migrating a process's running cases is a designer's change to that process: `#/designer/:id/migrate`.
      return hasRole(user, 'designer', 'admin') ? (
        <Suspense fallback={<Loading what="the Designer" />}>
          {id && route.path[2] === 'migrate' ? <MigrationPage definitionId={id} route={route} /> : <DesignerPage route={route} />}
        </Suspense>
      ) : (
        <NotAvailable what="Designer" />
      );
    case 'insights':
      // The duplication report is for designers too (they consolidate the steps it finds).
      if (id === 'duplication' ? !hasRole(user, 'analyst', 'designer', 'team-lead', 'admin') : !hasRole(user, 'analyst', 'team-lead', 'admin'))
        return <NotAvailable what="Insights" />;
      return (
        <Suspense fallback={<Loading what="Insights" />}>
          {id === 'duplication' ? <DuplicationReportPage route={route} /> : <InsightsPage route={route} />}
        </Suspense>
      );
    default:
      return null;
  }
}

export function App() {
  const user = useMe().data;
  const [notice, setNotice] = useState<string>();
  const route = useRoute();
  const { mutate: logout } = useLogout();

  useEffect(() => {
    const onLost = () => {
      changeSignedInUser(null);
      setNotice('Your session has ended. Sign in again to continue.');
    };
    window.addEventListener(UNAUTHENTICATED_EVENT, onLost);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onLost);
  }, []);

  // An empty or unknown route goes to the user's home section.
  useEffect(() => {
    if (user && !['tasks', 'cases', 'designer', 'insights'].includes(route.path[0] ?? '')) navigate(homeFor(user));
  }, [user, route.path]);

  // Whether or not the server answered, the session is forgotten here (useLogout), so the notice follows either way.
  const signOut = useCallback(() => logout(undefined, { onSettled: () => setNotice('You have signed out.') }), [logout]);

  if (user === undefined) return <Loading what="Casemap" />;
  if (user === null)
    return (
      <SignInPage notice={notice} />
    );
  return (
    <SessionContext.Provider value={{ user, signOut }}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Navigation user={user} current={route.path[0] ?? ''} onSignOut={signOut} />
      <main id="main" tabIndex={-1}>
        <Page route={route} user={user} />
      </main>
    </SessionContext.Provider>
  );
}
