/** A small typed client of the isnad HTTP API. Same-origin only: the CSP allows nothing else. */
import type { AsOf, CitedClaim, Dispute, EntitySummary, Lineage, Network, Page, Perspective, Profile, SearchHit, SourceDetail, SourceMeta } from './types';

/** The error body `{ error: { code, message, … } }`; a stale write (409) adds `current` and `changedSince`. */
export interface ErrorBody {
  readonly code?: string;
  readonly message?: string;
  readonly current?: unknown;
  readonly currentVersion?: number;
  readonly expectedVersion?: number;
  readonly changedSince?: readonly { id?: string; at?: string; actor?: string; action?: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: ErrorBody = {},
    /** Seconds from a Retry-After header (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Who is signed in; in local mode there are no accounts and `user` is the single local user. */
export interface AuthSession {
  readonly mode: 'local' | 'server';
  readonly user: { readonly name: string; readonly role: 'viewer' | 'editor' | 'admin' } | null;
  readonly csrfToken?: string;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | undefined;
const unauthorizedListeners = new Set<() => void>();

/** The session's CSRF token, sent as X-CSRF-Token with every write. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when a request (other than sign-in itself) gets a 401: the session has ended. */
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

type Params = Record<string, string | number | undefined | null>;

function query(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function errorOf(res: Response): Promise<ApiError> {
  const ra = Number(res.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(ra) && ra > 0 ? ra : undefined;
  try {
    const body = (await res.json()) as { error?: string | ErrorBody; message?: string };
    if (typeof body.error === 'string') return new ApiError(res.status, body.error, {}, retryAfter);
    if (body.error && typeof body.error === 'object') {
      const msg = typeof body.error.message === 'string' ? body.error.message : `${res.status} ${res.statusText}`;
      return new ApiError(res.status, msg, body.error, retryAfter);
    }
    if (typeof body.message === 'string') return new ApiError(res.status, body.message, {}, retryAfter);
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, `${res.status} ${res.statusText}`, {}, retryAfter);
}

async function request<T>(method: string, path: string, params?: Params, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(`/api${path}${query(params)}`, init);
  if (!res.ok) {
    const err = await errorOf(res);
    if (res.status === 401 && !path.startsWith('/auth/')) for (const fn of unauthorizedListeners) fn();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  me: () => request<AuthSession>('GET', '/auth/me'),
  login: (name: string, password: string) => request<AuthSession>('POST', '/auth/login', undefined, { name, password }),
  logout: () => request<unknown>('POST', '/auth/logout', undefined, {}),
  health: () => request<unknown>('GET', '/health'),
  stats: () => request<Record<string, unknown>>('GET', '/stats'),
  search: (q: string, limit = 25) => request<SearchHit[]>('GET', '/search', { q, limit }),
  entities: (p: { type?: string; limit?: number; offset?: number } = {}) => request<Page<EntitySummary>>('GET', '/entities', p),
  entity: (id: string) => request<Profile>('GET', `/entities/${enc(id)}`),
  claims: (p: Params) => request<Page<CitedClaim>>('GET', '/claims', p),
  claim: (id: string) => request<CitedClaim>('GET', `/claims/${enc(id)}`),
  asOf: (entity: string, date: string, perspective?: string) => request<AsOf>('GET', '/asof', { entity, date, perspective }),
  lineage: (entity: string, perspective?: string) => request<Lineage>('GET', '/lineage', { entity, perspective }),
  timeline: (p: { entity?: string; from?: string; to?: string; perspective?: string }) => request<CitedClaim[] | Page<CitedClaim>>('GET', '/timeline', p),
  network: (p: { date: string; perspective?: string; focus?: string; hops?: number }) => request<Network>('GET', '/network', p),
  disputes: (entity?: string) => request<Dispute[]>('GET', '/disputes', { entity }),
  perspectives: () => request<Perspective[] | Page<Perspective>>('GET', '/perspectives'),
  vocabulary: () => request<unknown>('GET', '/vocabulary'),
  sources: () => request<SourceMeta[] | Page<SourceMeta>>('GET', '/sources'),
  source: (id: string) => request<SourceDetail>('GET', `/sources/${enc(id)}`),
  review: (p: { limit?: number; offset?: number } = {}) => request<Page<CitedClaim>>('GET', '/review', p),
  accept: (id: string, expectedVersion?: number) => request<unknown>('POST', `/claims/${enc(id)}/accept`, undefined, expectedVersion === undefined ? {} : { expectedVersion }),
  reject: (id: string, expectedVersion?: number) => request<unknown>('POST', `/claims/${enc(id)}/reject`, undefined, expectedVersion === undefined ? {} : { expectedVersion }),
  patchClaim: (id: string, patch: Record<string, unknown>) => request<CitedClaim>('PATCH', `/claims/${enc(id)}`, undefined, patch),
  merge: (keep: string, merge: string) => request<unknown>('POST', '/entities/merge', undefined, { keep, merge }),
};

/** Lists that may come bare or paged. */
export function itemsOf<T>(x: readonly T[] | Page<T> | undefined): readonly T[] {
  if (!x) return [];
  return Array.isArray(x) ? x : (x as Page<T>).items;
}
