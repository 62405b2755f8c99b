/**
 * What each route is: method, path, who may call it, and the zod schemas of its params, query,
 * body and response. Route files declare a spec, then validate with the same schemas through
 * {@link input}; `/openapi.json` is generated from the registry, and a test checks that the
 * registry and the app's routes are the same set.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { validator, type InferInput } from 'hono/validator';
import type { z } from 'zod';
import { IsnadError, type Issue } from '../core/errors.js';
import type { Env, Role } from './env.js';

/** `public` needs no sign-in even in server mode; the roles are ordered viewer < editor < admin. */
export type Access = 'public' | Role;

export interface RouteSpec {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  /** Hono path syntax (`/api/entities/:id`). */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** Success status; default is 200. */
  readonly status?: number;
  /** Errors this route answers with besides 400/401/403/500. */
  readonly errors?: readonly number[];
}

const registry: RouteSpec[] = [];

/** Declares a route and adds it to the registry `/openapi.json` is built from. */
export function route<const S extends RouteSpec>(spec: S): S {
  registry.push(spec);
  return spec;
}

/** Every declared route. */
export function routeSpecs(): readonly RouteSpec[] {
  return registry;
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** Refuses the request unless the caller has at least the spec's role. */
export function guard(access: Access): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (access !== 'public') {
      const user = c.var.user;
      if (!user) throw new IsnadError('unauthorized', 'Sign in first: send a session cookie (POST /api/auth/login) or an Authorization: Bearer token.');
      if (RANK[user.role] < RANK[access]) throw new IsnadError('forbidden', `This needs the ${access} role; ${user.name} is ${user.role === 'admin' ? 'an' : 'a'} ${user.role}.`);
    }
    await next();
  };
}

type Target = 'query' | 'param' | 'json';
const WHERE: Record<Target, string> = { query: 'query', param: 'path', json: 'body' };

/** Zod issues as isnad issues, located by where they came from (`query.limit`, `body.time`). */
export function toIssues(target: string, error: z.ZodError): Issue[] {
  return error.issues.map((i) => {
    const custom = (i as { params?: { isnad?: string } }).params?.isnad;
    const path = [target, ...i.path.map(String)].join('.');
    return { code: custom === 'invalid_edtf' ? 'invalid_edtf' : i.code === 'invalid_type' && i.input === undefined ? 'missing_field' : 'invalid_field', path, message: i.message };
  });
}

/** Validates one part of the request with a schema; handlers read the result with `c.req.valid`. */
export function input<T extends Target, S extends z.ZodType>(target: T, schema: S) {
  // The input side is typed from the schema's input (what a client sends), the output side
  // from its output (what a handler reads), as @hono/zod-validator does.
  type In = T extends 'json' ? z.input<S> : InferInput<z.input<S>, T>;
  const mw = validator(target, (value): z.output<S> => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const issues = toIssues(WHERE[target], r.error);
    throw new IsnadError('bad_input', `Invalid ${WHERE[target]}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  });
  return mw as unknown as MiddlewareHandler<Env, string, { in: { [K in T]: In }; out: { [K in T]: z.output<S> } }>;
}

/** Checks a response against its schema when the app was built with `validateResponses`. */
export function checked<T>(c: Context<Env>, spec: RouteSpec, data: T): T {
  if (c.var.deps.options.validateResponses) {
    const r = spec.response.safeParse(JSON.parse(JSON.stringify(data)));
    if (!r.success) throw new Error(`response of ${spec.method.toUpperCase()} ${spec.path} does not match its schema: ${r.error.message}`);
  }
  return data;
}
