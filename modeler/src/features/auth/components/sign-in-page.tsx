// The sign-in form.
import { useEffect, useState, type FormEvent } from 'react';
import { useLogin } from '../api/login.ts';
import { takeOidcSession, useSignInMethods } from '../api/oidc-sign-in.ts';

/** Signing in writes the user into the app's cache (`me`), which switches the app to their home. */
export function SignInPage({ notice }: { notice?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const methods = useSignInMethods();
  const login = useLogin();
  useEffect(() => {
    void takeOidcSession();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login.mutateAsync({ username, password });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>Sign in to Casemap</h1>
      {notice ? <p className="status">{notice}</p> : null}
      <form onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
        <label htmlFor="sign-in-username">Username</label>
        <input id="sign-in-username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error ? (
          <p id="sign-in-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {methods.data?.oidc ? (
        <p>
          <a className="button" href={methods.data.oidc.loginUrl}>
            Sign in with {methods.data.oidc.providerName}
          </a>
        </p>
      ) : null}
    </main>
  );
}
