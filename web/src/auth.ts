/** The signed-in session, shared with the views (which hide write controls from viewers). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AuthSession } from './api';

export const LOCAL_SESSION: AuthSession = { mode: 'local', user: null };

export const SessionContext = createContext<AuthSession>(LOCAL_SESSION);

export function useSession(): AuthSession {
  return useContext(SessionContext);
}

/** Local mode writes freely; in server mode editors and admins may write, viewers only read. */
export function canWrite(s: AuthSession): boolean {
  if (s.mode === 'local') return true;
  return s.user?.role === 'editor' || s.user?.role === 'admin';
}

/** "3 minutes", "40 seconds": how long a rate limit lasts, from Retry-After seconds. */
export function waitText(seconds: number): string {
  if (seconds >= 60) {
    const m = Math.ceil(seconds / 60);
    return `${m} minute${m === 1 ? '' : 's'}`;
  }
  const s = Math.max(1, Math.ceil(seconds));
  return `${s} second${s === 1 ? '' : 's'}`;
}
