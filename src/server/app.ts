/**
 * The HTTP JSON API as a Hono app: `createApp({ repo })` gives an app that `isnad serve` hands
 * to the Node server and tests call through `app.request()`. Every request is validated at its
 * route; every error is mapped to a status in one `onError`; security headers and body limits
 * apply to everything; the built web app is served from `web/dist` when it exists.
 *
 * @example
 * const app = createApp({ repo: await openStore(':memory:') });
 * const res = await app.request('/api/search?q=Zarqawi');
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { KnowledgeBase } from '../app/knowledge-base.js';
import type { Repository } from '../store/repository.js';
import type { AppDeps, AuthUser, Env, ServerOptions } from './env.js';
import { errorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { routeSpecs } from './route-spec.js';
import { staticApp } from './static.js';
import { allowedHosts, sameOriginWrites } from './guards.js';
import { metaRoutes } from './routes/meta.js';
import { entityRoutes } from './routes/entities.js';
import { claimRoutes } from './routes/claims.js';
import { viewRoutes } from './routes/views.js';
import { sourceRoutes } from './routes/sources.js';
import { authRoutes } from './routes/auth.js';
import { changeRoutes } from './routes/changes.js';
import type { AuthService } from './auth/auth.js';

export const DEFAULT_OPTIONS: ServerOptions = {
  maxBodyBytes: 1024 * 1024,
  validateResponses: false,
  maxNetworkNodes: 5000,
  maxTimelineEntries: 20_000,
};

/** The single user of local (embedded, no sign-in) mode. */
export const LOCAL_USER: AuthUser = Object.freeze({ id: 'local', name: 'local', role: 'admin', via: 'local' });

export interface CreateAppOptions {
  readonly repo: Repository;
  /** Builds the knowledge base for one request; default is a plain `KnowledgeBase` over `repo`. */
  readonly kb?: (repo: Repository) => KnowledgeBase | Promise<KnowledgeBase>;
  readonly options?: Partial<ServerOptions>;
  /** Folder of the built web app; served when it holds an index.html. */
  readonly webRoot?: string;
  /**
   * Server mode: sign-in with accounts and roles, enforced on every route, with CSRF checks for
   * cookie sessions. Default is local mode, where every caller is {@link LOCAL_USER}.
   */
  readonly auth?: AuthService;
  /**
   * Host names the server answers to (any port); others get a 403. `isnad serve` on loopback
   * passes the loopback names, which defeats DNS rebinding. Default: any host.
   */
  readonly allowedHosts?: readonly string[];
  /** Where unexpected errors are logged. Default is console.error. */
  readonly log?: (err: unknown) => void;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The API's routes; their type is what the web app's typed client (`hc<AppType>`) reads. */
function apiRoutes() {
  return new Hono<Env>()
    .route('/', metaRoutes)
    .route('/', entityRoutes)
    .route('/', claimRoutes)
    .route('/', viewRoutes)
    .route('/', sourceRoutes)
    .route('/', changeRoutes)
    .route('/', authRoutes);
}
export type AppType = ReturnType<typeof apiRoutes>;

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function createApp(init: CreateAppOptions): Hono<Env> {
  const options: ServerOptions = { ...DEFAULT_OPTIONS, ...init.options };
  const kbFactory = init.kb ?? ((repo: Repository) => new KnowledgeBase(repo));
  const deps: AppDeps = { repo: init.repo, kb: async () => kbFactory(init.repo), options, ...(init.auth ? { auth: init.auth } : {}) };
  const log = init.log ?? ((err: unknown) => console.error('isnad server error:', err));
  const app = new Hono<Env>();

  app.use('*', secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    strictTransportSecurity: false,
  }));
  if (init.allowedHosts) app.use('*', allowedHosts(init.allowedHosts));
  app.use('/api/*', sameOriginWrites());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const user = init.auth ? await init.auth.authenticate(c) : LOCAL_USER;
    c.set('user', user);
    init.auth?.checkCsrf(c, user);
    await next();
  });
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: () => {
      throw new HTTPException(413, { message: `Request body too large (limit ${options.maxBodyBytes} bytes).` });
    },
  });
  // GET and HEAD requests carry no body (a Fetch Request cannot have one); asking for it would
  // make the Node adapter build the whole Request object, ~50 µs of every read.
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  // Set before the route runs (a route may still replace it): a header added to a finished
  // response makes the Node adapter copy it into a full Response object, ~35 µs of every call.
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.route('/', apiRoutes());
  const document = openApiDocument(routeSpecs(), { version: packageVersion() });
  app.get('/openapi.json', (c) => c.json(document));

  const web = init.webRoot ? staticApp(init.webRoot) : undefined;
  if (web) app.use('*', web);

  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.`, issues: [] } }, 404));
  app.onError((err, c) => errorResponse(err, c, { repo: init.repo, log }));
  return app;
}
