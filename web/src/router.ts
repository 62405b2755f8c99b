/** Hash routing: every view has a URL (`#/entity/isi`, `#/network?date=2008-06`). */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  readonly path: string[];
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const path = pathPart.split('/').filter(Boolean).map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  return { path, params: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '') };
}

/** Builds a hash link: href('entity', id) → `#/entity/<id>`, with optional query parameters. */
export function href(parts: string | readonly string[], params?: Record<string, string | number | undefined | null>): string {
  const segs = (typeof parts === 'string' ? [parts] : parts).map((p) => encodeURIComponent(p));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#/${segs.join('/')}${s ? `?${s}` : ''}`;
}

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    window.addEventListener('popstate', on);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  return route;
}
