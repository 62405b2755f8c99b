/**
 * Request guards that hold in every mode, local included: a browser page from another site
 * must not write here (cross-site request forgery against a loopback server needs no cookie),
 * and a server on loopback answers only to loopback host names (DNS rebinding).
 */
import type { MiddlewareHandler } from 'hono';
import { IsnadError } from '../core/errors.js';
import type { Env } from './env.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refuses writes a browser marks as coming from another origin. */
export function sameOriginWrites(): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const site = c.req.header('Sec-Fetch-Site');
      if (site === 'cross-site' || site === 'same-site') throw new IsnadError('forbidden', 'Cross-site request refused: writes must come from this server\u2019s own pages or from a client outside a browser.');
      const origin = c.req.header('Origin');
      if (origin !== undefined) {
        let host: string | undefined;
        try {
          host = origin === 'null' ? undefined : new URL(origin).host;
        } catch {
          host = undefined;
        }
        if (host !== (c.req.header('Host') ?? new URL(c.req.url).host)) throw new IsnadError('forbidden', `Cross-site request refused: a page from ${origin} may not write here.`);
      }
    }
    await next();
  };
}

/** Answers only requests whose Host is one of the names given (host names, any port). */
export function allowedHosts(names: readonly string[]): MiddlewareHandler<Env> {
  const allowed = new Set(names.map((n) => n.toLowerCase()));
  return async (c, next) => {
    const host = (c.req.header('Host') ?? new URL(c.req.url).host).toLowerCase().replace(/:\d+$/, '');
    if (!allowed.has(host)) throw new IsnadError('forbidden', `Unexpected Host "${host}": this server answers to ${[...allowed].join(', ')}.`);
    await next();
  };
}

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
