// The top bar: the sections the user's roles open, who is signed in, and sign-out.
import { displayNameOf, navigationFor, type User } from '../shared/session/user.ts';

export function Navigation({ user, current, onSignOut }: { user: User; current: string; onSignOut: () => void }) {
  return (
    <header className="top-bar">
      <span className="brand">Casemap</span>
      <nav aria-label="Main">
        <ul>
          {navigationFor(user).map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={item.href === `#/${current}` ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <span className="who">
        Signed in as <strong>{displayNameOf(user)}</strong>
        {user.teams.length > 0 ? <span className="muted"> ({user.teams.join(', ')})</span> : null}
      </span>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
