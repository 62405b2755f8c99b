/**
 * The OpenAPI 3.1 document, generated from the route registry: the same zod schemas that
 * validate requests and responses become the JSON Schemas of parameters, bodies and answers
 * (zod 4's `z.toJSONSchema`, draft 2020-12, which OpenAPI 3.1 uses as is). Response objects are
 * left open (no `additionalProperties: false`): a field added later is not a breaking change.
 */
import { z } from 'zod';
import type { RouteSpec } from './route-spec.js';
import { ErrorBody } from './schemas.js';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

/** `/api/entities/:id` → `/api/entities/{id}` */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): Json[] {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input');
  const props = (js.properties ?? {}) as Record<string, Json>;
  const required = new Set((js.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input; `issues` says what and where',
  401: 'Not signed in (server mode)',
  403: 'Signed in without the needed role, or a failed CSRF check',
  404: 'No such record',
  409: 'Stale write: the record changed since you read it; `current` and `changedSince` say how',
  413: 'Request body too large',
  429: 'Too many attempts',
  500: 'Internal error (no details are sent)',
};

function operation(spec: RouteSpec): Json {
  const errors = [...new Set([400, ...(spec.access === 'public' ? [] : [401, 403]), ...(spec.body ? [413] : []), ...(spec.errors ?? []), 500])].sort();
  return {
    operationId: `${spec.method}${openApiPath(spec.path).replace(/\/api/, '').replace(/[{}]/g, '').split(/[/_-]/).filter(Boolean).map((s) => s[0]!.toUpperCase() + s.slice(1)).join('')}`,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    ...(spec.access === 'public' ? { security: [] } : { 'x-isnad-role': spec.access }),
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body ? { requestBody: { required: false, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
    responses: {
      [String(spec.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'input') } } },
      ...Object.fromEntries(errors.map((s) => [String(s), { description: ERROR_TEXT[s] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }])),
    },
  };
}

/** Builds the document for the given routes. */
export function openApiDocument(specs: readonly RouteSpec[], info: { version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const s of specs) (paths[openApiPath(s.path)] ??= {})[s.method] = operation(s);
  return {
    openapi: '3.1.0',
    info: {
      title: 'isnad',
      version: info.version,
      description: 'A source-grounded, time-aware knowledge base for contested histories. Every answer cites its claims; every claim says who asserts it, in which source, with which words. In local mode no sign-in is needed; in server mode every route but the public ones needs a session cookie or a bearer token, and `x-isnad-role` names the least role allowed.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, 'input') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (server mode)' },
        session: { type: 'apiKey', in: 'cookie', name: 'isnad_session', description: 'A session from POST /api/auth/login (server mode); writes also need the X-CSRF-Token header' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  };
}
