import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type AuthSession } from '../api';
import { useTitle } from '../hooks';
import { waitText } from '../auth';

/** Server mode's sign-in page: account name and password; errors are shown as text. */
export function LoginView({ onSignedIn, notice }: { onSignedIn: (s: AuthSession) => void; notice?: string }) {
  useTitle('Sign in');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim() || !password) { setError('Enter your account name and password.'); return; }
    setBusy(true);
    setError('');
    try {
      const s = await api.login(name.trim(), password);
      setPassword('');
      onSignedIn(s);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setError(`Too many failed sign-ins. Try again in ${waitText(err.retryAfter ?? 900)}.`);
      } else if (err instanceof ApiError && err.status === 401) {
        setError(err.message || 'Wrong account name or password.');
      } else {
        setError(`Could not sign in: ${err instanceof Error ? err.message : String(err)}`);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="login-view" aria-labelledby="login-h">
      <h1 id="login-h">Sign in to isnad</h1>
      <p class="lede">This server keeps accounts: viewers read, editors also review and edit, admins also manage accounts.</p>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <form class="login-form card" onSubmit={submit} aria-labelledby="login-h" noValidate>
        <div class="control">
          <label for="login-name">Account name</label>
          <input id="login-name" ref={nameRef} name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'login-error' : undefined} />
        </div>
        <div class="control">
          <label for="login-password">Password</label>
          <input id="login-password" type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'login-error' : undefined} />
        </div>
        {error ? <p class="error" id="login-error" role="alert">{error}</p> : null}
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </section>
  );
}
