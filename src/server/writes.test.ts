/** Review actions through the API: accept, reject, edit (checked like the loader), merge, stale writes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, testServer, type TestServer } from './testing.js';

let t: TestServer;
beforeEach(async () => { t = await testServer(); });
afterEach(async () => { await t.close(); });

async function call(path: string, init: RequestInit, status = 200) {
  const res = await t.app.request(path, init);
  const body = (await res.json()) as any;
  expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 400)}`).toBe(status);
  return body;
}
const patch = (body: unknown): RequestInit => ({ ...json(body), method: 'PATCH' });

describe('accept and reject', () => {
  it('accepts a candidate, bumps its version and records who did it', async () => {
    const before = await call('/api/claims/candidate-one', {});
    const after = await call('/api/claims/candidate-one/accept', json({}));
    expect(after).toMatchObject({ id: 'candidate-one', status: 'accepted' });
    expect(after.version).toBeGreaterThan(before.version);
    expect((await call('/api/review', {})).total).toBe(0);
    const history = await call('/api/claims/candidate-one/history', {});
    expect(history.at(-1)).toMatchObject({ action: 'accept', actor: 'local', targetKind: 'claim', targetId: 'candidate-one' });
  });
  it('rejects without a body at all', async () => {
    expect(await call('/api/claims/vb-founded/reject', { method: 'POST' })).toMatchObject({ status: 'rejected' });
  });
  it('404 for an unknown claim, 400 for a malformed body', async () => {
    expect((await call('/api/claims/nope/accept', json({}), 404)).error.code).toBe('not_found');
    expect((await call('/api/claims/vb-founded/accept', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"expectedVersion":' }, 400)).error.message).toMatch(/Malformed JSON/);
    expect((await call('/api/claims/vb-founded/accept', json({ expectedVersion: 'one' }), 400)).error.issues[0].path).toBe('body.expectedVersion');
  });
  it('a stale expectedVersion is a 409 that says what changed', async () => {
    const { version } = await call('/api/claims/candidate-one', {});
    await call('/api/claims/candidate-one/accept', json({ expectedVersion: version }));
    const err = await call('/api/claims/candidate-one/reject', json({ expectedVersion: version }), 409);
    expect(err.error.code).toBe('conflict');
    expect(err.error.message).toMatch(/changed by someone else/);
    expect(err.error.current).toMatchObject({ id: 'candidate-one', status: 'accepted' });
    expect(err.error.expectedVersion).toBe(version);
    expect(err.error.currentVersion).toBe(version + 1);
    expect(err.error.changedSince).toEqual([expect.objectContaining({ action: 'accept', actor: 'local' })]);
  });
});

describe('edit', () => {
  it('changes the time and the note, and removes the confidence', async () => {
    const c = await call('/api/claims/re-branch-author', patch({ time: '2003-36/2007~', note: 'revised', confidence: null }));
    expect(c).toMatchObject({ time: '2003-36/2007~', note: 'revised' });
    expect(c.confidence).toBeUndefined();
    expect((await call('/api/claims/re-branch-author/history', {})).at(-1)).toMatchObject({ action: 'edit', before: expect.objectContaining({ time: '2003-36/2006~' }) });
  });
  it('checks the result like the dataset loader: bad EDTF, unknown predicate, dangling entity, wrong types', async () => {
    const edtf = await call('/api/claims/vb-founded', patch({ time: 'spring of 1990' }), 400);
    expect(edtf.error.issues).toEqual([expect.objectContaining({ code: 'invalid_edtf', path: 'body.time' })]);
    const pred = await call('/api/claims/vb-founded', patch({ predicate: 'adored' }), 400);
    expect(pred.error.issues[0]).toMatchObject({ code: 'unknown_predicate', path: 'body.predicate' });
    const dangling = await call('/api/claims/vb-founded', patch({ object: 'nobody' }), 400);
    expect(dangling.error.issues[0]).toMatchObject({ code: 'dangling_reference', path: 'body.object' });
    const types = await call('/api/claims/vb-founded', patch({ predicate: 'leader_of', object: 'delta-town' }), 400);
    expect(types.error.issues.map((i: any) => i.code)).toContain('type_mismatch');
    const missing = await call('/api/claims/vb-founded', patch({ object: null }), 400);
    expect(missing.error.issues[0]).toMatchObject({ code: 'missing_field', path: 'body.object' });
    // Nothing was written.
    expect(await call('/api/claims/vb-founded', {})).toMatchObject({ predicate: 'founded', time: '1990', object: { id: 'valley-brotherhood' } });
  });
  it('refuses unknown fields and non-editable ones', async () => {
    expect((await call('/api/claims/vb-founded', patch({ status: 'rejected' }), 400)).error.code).toBe('bad_input');
    expect((await call('/api/claims/vb-founded', patch({ subject: 5 }), 400)).error.issues[0].path).toBe('body.subject');
  });
  it('a stale edit is a 409 even when it is also invalid', async () => {
    const { version } = await call('/api/claims/vb-founded', {});
    await call('/api/claims/vb-founded', patch({ note: 'first', expectedVersion: version }));
    const err = await call('/api/claims/vb-founded', patch({ note: 'second', expectedVersion: version }), 409);
    expect(err.error.current.note).toBe('first');
    expect(err.error.changedSince).toHaveLength(1);
    await call('/api/claims/vb-founded', patch({ note: 'second', expectedVersion: version + 1 }));
  });
  it('404 for an unknown claim', async () => {
    await call('/api/claims/nope', patch({ note: 'x' }), 404);
  });
});

describe('merge', () => {
  it('records a same_as resolution claim', async () => {
    const c = await call('/api/entities/merge', json({ keep: 'karim-haddad', merge: 'abu-salim-al-jabali', note: 'same man' }));
    expect(c).toMatchObject({ predicate: 'same_as', subject: { id: 'abu-salim-al-jabali' }, object: { id: 'karim-haddad' }, status: 'accepted' });
    expect((await call(`/api/claims/${c.id}/history`, {})).at(-1)).toMatchObject({ action: 'merge', actor: 'local' });
  });
  it('a stale version of the merged entity is a 409', async () => {
    const err = await call('/api/entities/merge', json({ keep: 'karim-haddad', merge: 'abu-salim-al-jabali', expectedVersion: 999 }), 409);
    expect(err.error).toMatchObject({ code: 'conflict', expectedVersion: 999, current: { id: 'abu-salim-al-jabali' } });
  });
  it('400 for one entity twice, 404 for an unknown one', async () => {
    expect((await call('/api/entities/merge', json({ keep: 'karim-haddad', merge: 'karim-haddad' }), 400)).error.issues[0].path).toBe('body.merge');
    await call('/api/entities/merge', json({ keep: 'karim-haddad', merge: 'nobody' }), 404);
    await call('/api/entities/merge', json({ keep: 'karim-haddad' }), 400);
  });
});

describe('split', () => {
  it('records a distinct_from resolution claim; 404 and 400 as for merge', async () => {
    const c = await call('/api/entities/split', json({ entity: 'karim-haddad', other: 'abu-salim-al-jabali', note: 'two men' }));
    expect(c).toMatchObject({ predicate: 'distinct_from', subject: { id: 'karim-haddad' }, object: { id: 'abu-salim-al-jabali' } });
    expect((await call(`/api/claims/${c.id}/history`, {})).at(-1)).toMatchObject({ action: 'split' });
    await call('/api/entities/split', json({ entity: 'karim-haddad', other: 'nobody' }), 404);
    await call('/api/entities/split', json({ entity: 'karim-haddad', other: 'karim-haddad' }), 400);
  });
});

describe('limits', () => {
  it('refuses an oversize body with 413', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    const err = await call('/api/claims/vb-founded', patch({ note: big }), 413);
    expect(err.error.code).toBe('payload_too_large');
    expect((await call('/api/claims/vb-founded', {})).note).toBeUndefined();
  });
  it('no errors were logged', () => {
    expect(t.errors).toEqual([]);
  });
});
