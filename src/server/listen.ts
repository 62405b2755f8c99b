/**
 * Runs the app on Node's HTTP server until SIGINT/SIGTERM, for `isnad serve` and `isnad start`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { KnowledgeBase } from '../app/knowledge-base.js';
import type { Repository } from '../store/repository.js';
import { createApp, type CreateAppOptions } from './app.js';
import { LOOPBACK_HOSTS } from './guards.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4311;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** The built web app's folder, when it has been built. */
export function webDist(projectRoot: string): string | undefined {
  const dir = join(projectRoot, 'web', 'dist');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

export interface ListenOptions {
  readonly repo: Repository;
  /** A knowledge base to copy per request (keeps its name searcher). */
  readonly kb: KnowledgeBase;
  readonly host: string;
  readonly port: number;
  readonly webRoot?: string;
  readonly app?: Partial<CreateAppOptions>;
}

export interface Running {
  readonly url: string;
  close(): Promise<void>;
  /** Resolves when the server stops (a signal, or close()). */
  readonly closed: Promise<void>;
}

export async function listen(opts: ListenOptions): Promise<Running> {
  // ISNAD_VALIDATE_RESPONSES=1 checks every answer against its schema (development).
  const validateResponses = process.env.ISNAD_VALIDATE_RESPONSES === '1';
  const app = createApp({ repo: opts.repo, kb: () => opts.kb.fresh(), ...(opts.webRoot ? { webRoot: opts.webRoot } : {}), ...(isLoopback(opts.host) ? { allowedHosts: LOOPBACK_HOSTS } : {}), ...opts.app, options: { validateResponses, ...opts.app?.options } });
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shownHost = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}/`;
  const close = async () => {
    process.off('SIGINT', close);
    process.off('SIGTERM', close);
    await new Promise<void>((r) => server.close(() => r()));
    resolveClosed();
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  return { url, close, closed };
}
