/** The OpenAPI document: valid, complete, and describing what the routes really answer. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from './openapi.js';
import { routeSpecs } from './route-spec.js';
import { testServer, type TestServer } from './testing.js';

let t: TestServer;
let doc: any;
beforeAll(async () => {
  t = await testServer();
  const res = await t.app.request('/openapi.json');
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(async () => { await t.close(); });

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document with info, paths and the error schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'isnad', version: expect.any(String) });
    expect(doc.components.schemas.Error.properties.error).toBeDefined();
    const ids = Object.values(doc.paths).flatMap((p: any) => Object.values(p).map((op: any) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every route the app serves, and no route it does not', () => {
    const served = new Set(t.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]: [string, any]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    expect([...documented].sort()).toEqual([...served].sort());
    expect(documented.size).toBe(routeSpecs().length);
    for (const path of ['/api/health', '/api/stats', '/api/search', '/api/entities', '/api/entities/{id}', '/api/entities/{id}/history', '/api/claims', '/api/claims/{id}', '/api/claims/{id}/history', '/api/asof', '/api/lineage', '/api/timeline', '/api/network', '/api/disputes', '/api/perspectives', '/api/vocabulary', '/api/sources', '/api/sources/{id}', '/api/review', '/api/claims/{id}/accept', '/api/claims/{id}/reject', '/api/entities/merge', '/api/entities/split']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/claims/{id}'].patch).toBeDefined();
  });

  it('describes parameters: path ids required, EDTF dates with examples, page size bounded', () => {
    const asof = doc.paths['/api/asof'].get;
    const date = asof.parameters.find((p: any) => p.name === 'date');
    expect(date).toMatchObject({ in: 'query', required: true });
    expect(date.description).toMatch(/EDTF/);
    const limit = doc.paths['/api/claims'].get.parameters.find((p: any) => p.name === 'limit');
    expect(limit.schema.maximum).toBe(500);
    expect(doc.paths['/api/entities/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.paths['/api/claims/{id}'].patch.requestBody.content['application/json'].schema.properties.time).toBeDefined();
  });

  it('schemas compile, and real responses validate against them', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'isnad', components: doc.components });
    const cases: [string, string, string][] = [
      ['/api/entities/{id}', 'get', '/api/entities/karim-haddad'],
      ['/api/claims', 'get', '/api/claims?entity=river-emirate'],
      ['/api/asof', 'get', '/api/asof?entity=river-emirate&date=2005'],
      ['/api/network', 'get', '/api/network?date=2000'],
      ['/api/lineage', 'get', '/api/lineage?entity=valley-front'],
      ['/api/disputes', 'get', '/api/disputes'],
      ['/api/vocabulary', 'get', '/api/vocabulary'],
      ['/api/search', 'get', '/api/search?q=VB'],
    ];
    for (const [path, method, url] of cases) {
      const validate = ajv.compile(doc.paths[path][method].responses['200'].content['application/json'].schema);
      const body = await (await t.app.request(url)).json();
      expect(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    const errSchema = ajv.compile(doc.components.schemas.Error);
    const err = await (await t.app.request('/api/asof?entity=river-emirate&date=bad')).json();
    expect(errSchema(err), ajv.errorsText(errSchema.errors)).toBe(true);
  });
});
