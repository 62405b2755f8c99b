import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, onUnauthorized, setCsrfToken, type AuthSession } from './api';
import { LOCAL_SESSION, SessionContext } from './auth';
import { href, navigate, useRoute } from './router';
import { LoginView } from './views/Login';
import { HomeView } from './views/Home';
import { SearchView } from './views/Search';
import { EntityView } from './views/Entity';
import { TimelineView } from './views/Timeline';
import { LineageView } from './views/Lineage';
import { NetworkView } from './views/Network';
import { DisputesView } from './views/Disputes';
import { ReviewView } from './views/Review';
import { SourceView, SourcesView } from './views/Source';

const NAV: readonly { key: string; label: string; to: string }[] = [
  { key: 'search', label: 'Search', to: href('search') },
  { key: 'timeline', label: 'Timeline', to: href('timeline') },
  { key: 'lineage', label: 'Lineage', to: href('lineage') },
  { key: 'network', label: 'Network', to: href('network') },
  { key: 'disputes', label: 'Disputes', to: href('disputes') },
  { key: 'review', label: 'Review', to: href('review') },
  { key: 'sources', label: 'Sources', to: href('sources') },
];

function QuickSearch() {
  const [q, setQ] = useState('');
  return (
    <form
      class="quick-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) navigate(href('search', { q: q.trim() }));
      }}
    >
      <label for="quick-search" class="visually-hidden">Search names</label>
      <input id="quick-search" type="search" placeholder="Search any name or spelling…" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      <button type="submit">Search</button>
    </form>
  );
}

function Brand() {
  return (
    <a class="brand" href="#/" aria-label="isnad, start page">
      <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true"><rect width="32" height="32" rx="6" fill="#f4efe6" /><circle cx="9" cy="16" r="3.2" fill="#2b3a55" /><circle cx="23" cy="9" r="3.2" fill="#2b3a55" /><circle cx="23" cy="23" r="3.2" fill="#2b3a55" /><path d="M11.8 14.6 20.2 10.4M11.8 17.4l8.4 4.2" stroke="#2b3a55" stroke-width="1.8" /></svg>
      <span>isnad</span>
    </a>
  );
}

/**
 * Asks the server who is signed in. Local mode (no accounts) shows the app as it always was;
 * server mode without a session shows the sign-in page, and returns to it on any 401.
 */
export function App() {
  const [session, setSession] = useState<AuthSession | undefined>();
  const [notice, setNotice] = useState('');
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    let live = true;
    api.me().then(
      (s) => { if (!live) return; setCsrfToken(s.csrfToken); setSession(s); },
      // A server without /api/auth/me predates accounts: it is a local one.
      (e: unknown) => { if (!live) return; setSession(e instanceof ApiError && e.status === 401 ? { mode: 'server', user: null } : LOCAL_SESSION); },
    );
    const off = onUnauthorized(() => {
      setCsrfToken(undefined);
      setSession((s) => {
        if (s?.mode === 'server' && s.user) setNotice('Your session has ended. Sign in again to continue.');
        return { mode: 'server', user: null };
      });
    });
    return () => { live = false; off(); };
  }, []);

  if (!session) return <main id="main" class="booting" aria-busy="true" />;
  if (session.mode === 'server' && !session.user) {
    return (
      <>
        <header class="app-header"><Brand /></header>
        <main id="main" tabIndex={-1}>
          <LoginView
            notice={notice}
            onSignedIn={async (s) => {
              setNotice('');
              // Take the CSRF token from /api/auth/me, which also proves the session cookie was kept.
              const fresh = await api.me().catch(() => s);
              setCsrfToken(fresh.csrfToken ?? s.csrfToken);
              setSession(fresh.user ? fresh : s);
              setSignedIn(true);
            }}
          />
        </main>
      </>
    );
  }
  const signOut = async () => {
    try { await api.logout(); } catch { /* the session may already be gone */ }
    setCsrfToken(undefined);
    setNotice('You have signed out.');
    setSession({ mode: 'server', user: null });
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} onSignOut={signOut} focusMain={signedIn} />
    </SessionContext.Provider>
  );
}

function Shell({ session, onSignOut, focusMain }: { session: AuthSession; onSignOut: () => void; focusMain: boolean }) {
  const route = useRoute();
  const [head, ...rest] = route.path;
  const main = useRef<HTMLElement>(null);
  const section = head === 'source' ? 'sources' : head === 'entity' ? '' : head ?? '';
  const first = useRef(true);
  useEffect(() => {
    // After navigation, move focus to the new view for keyboard and screen-reader users
    // (not on first load, so the first Tab still reaches the skip link).
    // After signing in the form is gone: focus the view instead of leaving it on the page.
    if (first.current) { first.current = false; if (focusMain) main.current?.focus({ preventScroll: true }); return; }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.path.join('/')]);

  let view;
  switch (head) {
    case undefined: view = <HomeView />; break;
    case 'search': view = <SearchView q={route.params.get('q') ?? ''} />; break;
    case 'entity': view = <EntityView id={rest[0] ?? ''} params={route.params} />; break;
    case 'timeline': view = <TimelineView params={route.params} />; break;
    case 'lineage': view = <LineageView id={rest[0]} perspective={route.params.get('perspective') ?? ''} />; break;
    case 'network': view = <NetworkView params={route.params} />; break;
    case 'disputes': view = <DisputesView entity={route.params.get('entity') ?? ''} focus={route.params.get('focus') ?? ''} />; break;
    case 'review': view = <ReviewView />; break;
    case 'sources': view = <SourcesView />; break;
    case 'source': view = <SourceView id={rest[0] ?? ''} claim={route.params.get('claim') ?? ''} />; break;
    default: view = <section><h1>Not found</h1><p>There is no view at this address. <a href="#/">Go to the start page.</a></p></section>;
  }

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header class={session.mode === 'server' && session.user ? 'app-header with-account' : 'app-header'}>
        <Brand />
        <nav aria-label="Views">
          <ul>
            {NAV.map((n) => (
              <li key={n.key}>
                <a href={n.to} aria-current={section === n.key ? 'page' : undefined}>{n.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <QuickSearch />
        {session.mode === 'server' && session.user ? (
          <div class="account" role="group" aria-label="Signed in">
            <span class="account-name">{session.user.name}</span>
            <span class={`account-role role-${session.user.role}`}>{session.user.role}</span>
            <button type="button" class="sign-out" onClick={onSignOut}>Sign out</button>
          </div>
        ) : null}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {view}
      </main>
      <footer class="app-footer">
        Every statement shown is a claim attributed to a claimant and cited to its source. Contested questions are shown with each side; none is settled by the tool.
      </footer>
    </>
  );
}
