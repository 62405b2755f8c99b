/**
 * Errors to HTTP, in one place: every domain error carries a stable `code`, mapped here to a
 * status and the body `{ error: { code, message, issues } }`. Anything unexpected becomes a 500
 * with a generic message; its stack goes to the server log, never to the client.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ConflictError, IsnadError, type ErrorCode, type Issue } from '../core/errors.js';
import type { Repository } from '../store/repository.js';

export interface ErrorPayload {
  readonly code: string;
  readonly message: string;
  readonly issues: readonly Pick<Issue, 'code' | 'path' | 'message'>[];
  readonly [extra: string]: unknown;
}

/** The HTTP status of a domain error code. */
export function statusOf(code: ErrorCode | string): ContentfulStatusCode {
  switch (code) {
    case 'not_found': return 404;
    case 'conflict': return 409;
    case 'unauthorized': return 401;
    case 'forbidden': return 403;
    case 'unsupported': return 501;
    default: return 400;
  }
}

/** What changed since the version a stale writer read, from the record's history. */
async function conflictDetail(err: ConflictError, repo: Repository | undefined): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { current: err.current ?? null };
  if (err.currentVersion !== undefined) out.currentVersion = err.currentVersion;
  if (err.expectedVersion !== undefined) out.expectedVersion = err.expectedVersion;
  const kind = err.target.kind.toLowerCase();
  if (repo && (kind === 'claim' || kind === 'entity') && err.expectedVersion !== undefined) {
    const since = (await repo.history(kind, err.target.id).catch(() => [])).filter((h) => {
      const v = (h.after as { version?: unknown } | null)?.version;
      return typeof v === 'number' ? v > err.expectedVersion! : false;
    });
    out.changedSince = since.map((h) => ({ id: h.id, at: h.at, actor: h.actor, action: h.action }));
  }
  return out;
}

/** Turns any thrown value into the API's error response. */
export async function errorResponse(err: unknown, c: Context, opts: { repo?: Repository; log?: (err: unknown) => void } = {}): Promise<Response> {
  if (err instanceof IsnadError) {
    const issues = err.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
    const extra = err instanceof ConflictError ? await conflictDetail(err, opts.repo) : {};
    const body = { error: { code: err.code, message: err.message, issues, ...extra } };
    if (err.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="isnad"');
    return c.json(body, statusOf(err.code));
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : 'bad_input';
    const message = status >= 500 ? 'Internal server error.' : err.message || 'Bad request.';
    if (status >= 500) opts.log?.(err);
    const retryAfter = (err.cause as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return c.json({ error: { code, message, issues: [] } }, status as ContentfulStatusCode);
  }
  opts.log?.(err);
  return c.json({ error: { code: 'internal', message: 'Internal server error.', issues: [] } }, 500);
}
