/** A small typed client of the isnad HTTP API. Same-origin only: the CSP allows nothing else. */
import type { AsOf, CitedClaim, Dispute, EntitySummary, Lineage, Network, Page, Perspective, Profile, SearchHit, SourceDetail, SourceMeta } from './types';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Params = Record<string, string | number | undefined | null>;

function query(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string | { message?: string }; message?: string };
    if (typeof body.error === 'string') return body.error;
    if (body.error && typeof body.error.message === 'string') return body.error.message;
    if (typeof body.message === 'string') return body.message;
  } catch {
    /* not JSON */
  }
  return `${res.status} ${res.statusText}`;
}

async function request<T>(method: string, path: string, params?: Params, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const res = await fetch(`/api${path}${query(params)}`, init);
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
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
  accept: (id: string) => request<unknown>('POST', `/claims/${enc(id)}/accept`, undefined, {}),
  reject: (id: string) => request<unknown>('POST', `/claims/${enc(id)}/reject`, undefined, {}),
  patchClaim: (id: string, patch: Record<string, unknown>) => request<CitedClaim>('PATCH', `/claims/${enc(id)}`, undefined, patch),
  merge: (keep: string, merge: string) => request<unknown>('POST', '/entities/merge', undefined, { keep, merge }),
};

/** Lists that may come bare or paged. */
export function itemsOf<T>(x: readonly T[] | Page<T> | undefined): readonly T[] {
  if (!x) return [];
  return Array.isArray(x) ? x : (x as Page<T>).items;
}
