/**
 * Server mode in the browser: `isnad serve --auth` with an editor and a viewer made by
 * `isnad user add`. The sign-in page, failed and rate-limited sign-ins, the CSRF header on
 * writes, stale writes (409), write controls hidden from viewers, a session that ends
 * mid-use, and signing out. Screenshot: test-output/screenshots/login.png.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { browserUnavailable, DESKTOP, FIXTURES, NARROW, screenshot, startSession, type Session } from './harness.js';

const skip = browserUnavailable();
if (skip) console.warn(`skipping browser tests: ${skip}`);

const EDITOR = { name: 'nadia', role: 'editor', password: 'editor-pass-1234' } as const;
const VIEWER = { name: 'omar', role: 'viewer', password: 'viewer-pass-5678' } as const;

/** The page's own fetch, as a script running in it would call (same origin, cookies sent). */
async function pageFetch(page: Page, path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  return page.evaluate(async ({ path, init }) => {
    const res = await fetch(path, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', ...(init.headers ?? {}) }, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    let body: unknown = null;
    try { body = await res.json(); } catch { /* empty */ }
    return { status: res.status, body };
  }, { path, init });
}

async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(Boolean(skip))('server mode sign-in in Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession([join(FIXTURES, 'mini.yaml'), join(FIXTURES, 'e2e-hostile.yaml')], { users: [EDITOR, VIEWER] });
  }, 240_000);

  afterAll(async () => {
    await s?.close();
  });

  test('the sign-in page: labelled fields, a wrong password and a rate limit shown as text', async () => {
    const { page, log } = await s.page(DESKTOP);
    await page.goto('/#/review');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to isnad');
    // None of the app's views (nor their data) before sign-in.
    expect(await page.locator('nav[aria-label="Views"]').count()).toBe(0);
    expect(await page.getByLabel('Account name').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Password').getAttribute('type')).toBe('password');
    await screenshot(page, 'login');

    await signIn(page, EDITOR.name, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong account name or password.');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toContain('#/review');

    // Five failures for one account name, then the sixth attempt is refused with Retry-After.
    for (let i = 0; i < 6; i++) {
      await signIn(page, 'ghost', `wrong-${i}-password`);
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
    await screenshot(page, 'login-rate-limited');
    expect(log.errors.filter((e) => !/401|429|Unauthorized|Too Many/i.test(e))).toEqual([]);
  });

  test('an editor signs in, accepts a candidate (CSRF header sent), meets a stale write, and signs out', async () => {
    const { page } = await s.page(DESKTOP);
    await page.goto('/#/review');
    await signIn(page, EDITOR.name, EDITOR.password);
    const account = page.getByRole('group', { name: 'Signed in' });
    await expect.poll(() => account.locator('.account-name').textContent()).toBe('nadia');
    expect(await account.locator('.account-role').textContent()).toBe('editor');
    // Back on the view asked for, with its data.
    const list = page.locator('.review-list > li');
    await expect.poll(() => list.count()).toBe(5);
    const me = await pageFetch(page, '/api/auth/me');
    expect(me.body.user).toEqual({ name: 'nadia', role: 'editor' });
    const token = me.body.csrfToken as string;
    expect(token).toBeTruthy();

    const id = await page.locator('.review-detail').getAttribute('data-claim');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/claims/${id}/accept`));
    await page.getByRole('button', { name: /^Accept/ }).click();
    expect((await sent).headers()['x-csrf-token']).toBe(token);
    await expect.poll(() => page.locator('.status-line').textContent()).toBe(`Accepted: ${id}`);
    await expect.poll(() => list.count()).toBe(4);
    expect((await pageFetch(page, `/api/claims/${id}`)).body.status).toBe('accepted');
    await screenshot(page, 'review-editor-1280');

    // Someone else edits the selected claim after the queue was loaded: rejecting it is a stale write.
    const next = (await page.locator('.review-detail').getAttribute('data-claim'))!;
    const before = (await pageFetch(page, `/api/claims/${next}`)).body as { version: number };
    const edit = await pageFetch(page, `/api/claims/${next}`, { method: 'PATCH', headers: { 'X-CSRF-Token': token }, body: { note: 'checked against the original', expectedVersion: before.version } });
    expect(edit.status).toBe(200);
    await page.getByRole('button', { name: /^Reject/ }).click();
    const conflict = page.locator('.conflict');
    await expect.poll(() => conflict.locator('h2').textContent()).toBe(`Claim ${next} changed since you loaded it`);
    expect(await conflict.locator('.changed-since').textContent()).toMatch(/edit by nadia at /);
    expect(await conflict.locator('.current').textContent()).toMatch(/status candidate/);
    expect((await pageFetch(page, `/api/claims/${next}`)).body.status).toBe('candidate');
    await screenshot(page, 'review-conflict-1280');
    await page.getByRole('button', { name: 'Reload the queue' }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    await expect.poll(() => page.locator('.review-detail .note').first().textContent()).toContain('checked against the original');

    await account.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to isnad');
    expect(await page.locator('.notice').textContent()).toBe('You have signed out.');
    expect((await pageFetch(page, '/api/auth/me')).body.user).toBeNull();
    // The old token no longer writes.
    expect((await pageFetch(page, `/api/claims/${next}/reject`, { method: 'POST', headers: { 'X-CSRF-Token': token }, body: {} })).status).toBe(401);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to isnad');
  });

  test('a viewer reads the queue without write controls; a write without the token is refused', async () => {
    const { page } = await s.page(DESKTOP);
    await page.goto('/#/review');
    await signIn(page, VIEWER.name, VIEWER.password);
    const account = page.getByRole('group', { name: 'Signed in' });
    await expect.poll(() => account.locator('.account-role').textContent()).toBe('viewer');
    const list = page.locator('.review-list > li');
    await expect.poll(() => list.count()).toBeGreaterThan(0);
    expect(await page.locator('.read-only-note').textContent()).toMatch(/viewer: you can read the queue, but accepting, rejecting, editing and merging need an editor or admin account/);
    for (const name of [/^Accept/, /^Reject/, /^Edit/, /^Merge/]) expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.locator('.merge').count()).toBe(0);
    const id = (await page.locator('.review-detail').getAttribute('data-claim'))!;
    await page.keyboard.press('a');
    await page.keyboard.press('e');
    expect(await page.locator('.edit-form').count()).toBe(0);
    expect(await page.locator('.status-line').textContent()).toBe('');
    await screenshot(page, 'review-viewer-1280');
    await page.setViewportSize(NARROW);
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await screenshot(page, 'review-viewer-390');

    // A script in the page writing without the session's CSRF token: refused.
    const bare = await pageFetch(page, `/api/claims/${id}/accept`, { method: 'POST', body: {} });
    expect(bare.status).toBe(403);
    expect(bare.body.error.message).toMatch(/CSRF/);
    // With the token the viewer's role still does not allow it.
    const token = (await pageFetch(page, '/api/auth/me')).body.csrfToken as string;
    const withToken = await pageFetch(page, `/api/claims/${id}/accept`, { method: 'POST', headers: { 'X-CSRF-Token': token }, body: {} });
    expect(withToken.status).toBe(403);
    expect(withToken.body.error.message).toMatch(/editor role/);
    expect((await pageFetch(page, `/api/claims/${id}`)).body.status).toBe('candidate');
  });

  test('a session that ends mid-use returns to the sign-in page, then to the view', async () => {
    const { page, context } = await s.page(DESKTOP);
    await page.goto('/#/sources');
    await signIn(page, VIEWER.name, VIEWER.password);
    await expect.poll(() => page.locator('.account-name').textContent()).toBe('omar');
    await context.clearCookies();
    await page.goto('/#/review');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to isnad');
    expect(await page.locator('.notice').textContent()).toBe('Your session has ended. Sign in again to continue.');
    await signIn(page, VIEWER.name, VIEWER.password);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Review queue');
    // Focus moves from the vanished form to the view (in an effect after the view renders: poll for it).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
