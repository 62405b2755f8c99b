/**
 * Hostile content in the browser: test/fixtures/e2e-hostile.yaml puts <script>, onerror=,
 * onload=, javascript: links and Markdown links into a source's text, title, author and URL,
 * into evidence quotes, notes, a name, a description, a dispute question and an attribution.
 * In every view that shows them, nothing may run, no dialog may open, no javascript: link may
 * exist, and each payload must be visible as text.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserUnavailable, DESKTOP, FIXTURES, screenshot, startSession, waitRendered, type PageLog, type Session } from './harness.js';

const skip = browserUnavailable();
if (skip) console.warn(`skipping browser security tests: ${skip}`);

const PAYLOADS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="alert(1);window.__pwned=1">',
  markdown: '[the archive](javascript:window.__pwned=1)',
  anchor: '<a href="javascript:window.__pwned=1">the mirror</a>',
  svg: '<svg onload=alert(1)>',
};

describe.skipIf(Boolean(skip))('hostile content is shown as text and never runs', () => {
  let s: Session;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    s = await startSession([join(FIXTURES, 'mini.yaml'), join(FIXTURES, 'e2e-hostile.yaml')]);
    ({ page, log } = await s.page(DESKTOP));
  }, 240_000);

  afterAll(async () => {
    await s?.close();
  });

  /** Asserts, in the page, that nothing ran and no active markup was created from data. */
  async function assertInert(where: string): Promise<void> {
    // Give any injected handler (onerror of a broken image, onload) time to fire.
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? 'inline'),
      jsLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((h) => /^\s*javascript:/i.test(h)),
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
      foreignImages: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      injectedSvg: document.querySelectorAll('main svg[onload]').length,
    }));
    expect(state.pwned, `${where}: window.__pwned was set`).toBeUndefined();
    expect(state.scripts.every((src) => src !== 'inline' && src.startsWith('/assets/')), `${where}: unexpected scripts ${state.scripts.join(', ')}`).toBe(true);
    expect(state.jsLinks, `${where}: javascript: links`).toEqual([]);
    expect(state.handlers, `${where}: inline event handlers`).toEqual([]);
    expect(state.foreignImages, `${where}: images from data`).toEqual([]);
    expect(state.injectedSvg).toBe(0);
    expect(log.dialogs, `${where}: dialogs`).toEqual([]);
  }

  const text = () => page.locator('main').innerText();

  test('source viewer: the text, title, author and URL with payloads', async () => {
    await page.goto('/#/source/hostile-bulletin');
    await waitRendered(page, '.source-text');
    const t = await text();
    for (const p of Object.values(PAYLOADS)) expect(t).toContain(p);
    expect(await page.locator('h1#source-title').textContent()).toBe('Bulletin of the Delta Assembly <script>window.__pwned=1</script>');
    expect(t).toContain('Sami <b onmouseover=alert(1)>Nour</b>');
    expect(t).toContain('address not linked: javascript:window.__pwned=1');
    // Open every highlighted passage: quotes and notes with payloads appear in the side panel.
    const marks = page.locator('.source-text mark');
    for (let i = 0; i < (await marks.count()); i++) {
      await marks.nth(i).click();
      await page.waitForSelector('.source-claims .claim-card');
    }
    await marks.nth(2).click();
    await expect.poll(() => page.locator('.source-claims').innerText()).toContain('[click me](javascript:window.__pwned=1)');
    // Clicking the text that looks like links does nothing.
    await page.locator('.source-text').getByText('the archive', { exact: false }).first().click();
    expect(page.url()).toContain('#/source/hostile-bulletin');
    await screenshot(page, 'security-source-1280');
    await assertInert('source viewer');
  });

  test('review queue: candidate claims whose quotes and notes carry payloads', async () => {
    await page.goto('/#/review');
    await expect.poll(() => page.locator('.review-list > li').count()).toBeGreaterThanOrEqual(4);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await page.locator('.review-detail').getAttribute('data-claim');
      if (id && !ids.includes(id)) ids.push(id);
      const detail = await page.locator('.review-detail').innerText();
      if (id === 'hostile-allied') {
        await expect.poll(() => page.locator('.review-detail .context mark').textContent()).toBe(`In 2013 the Delta Assembly allied with the Coast League. ${PAYLOADS.img}`);
        expect(detail).toContain(`${PAYLOADS.img} note with an image`);
        await screenshot(page, 'security-review-1280');
      }
      if (id === 'hostile-founded') expect(detail).toContain(`${PAYLOADS.script} note with a script tag`);
      if (id === 'hostile-link') expect(detail).toContain(PAYLOADS.anchor);
      if (id === 'hostile-denial') expect(detail).toContain('bulletin <u onclick=alert(1)>margin</u>');
      await page.keyboard.press('j');
    }
    expect(ids).toEqual(expect.arrayContaining(['hostile-founded', 'hostile-allied', 'hostile-link', 'hostile-denial']));
    // The edit form shows the note as an editable value, not as markup.
    const note = page.locator('.review-detail .note');
    const shown = (await note.count()) ? (await note.innerText()).replace(/^Note:\s*/, '') : '';
    await page.keyboard.press('e');
    await expect.poll(() => page.locator('#edit-note').inputValue()).toBe(shown);
    await page.keyboard.press('Escape');
    await assertInert('review queue');
  });

  test('entity page, disputes, search and timeline with hostile names and questions', async () => {
    await page.goto('/#/entity/sami-nour');
    await expect.poll(() => page.locator('.names-table').innerText()).toContain('Abu <script>window.__pwned=1</script>');
    expect(await page.locator('.entity-header .description').textContent()).toBe('An invented person. <img src=x onerror="window.__pwned=1">');
    await assertInert('entity page');

    await page.goto('/#/disputes?entity=delta-assembly');
    await expect.poll(() => page.locator('article.dispute h2').first().textContent()).toBe('Was the Delta Assembly allied with the Coast League <i onclick=alert(1)>in 2013</i>?');
    await assertInert('disputes');

    await page.goto('/#/search?q=Abu%20%3Cscript%3E');
    await expect.poll(() => text()).toContain('Sami Nour');
    await assertInert('search');

    await page.goto('/#/timeline?entities=delta-assembly');
    await waitRendered(page, '.timeline-view .timeline-chart');
    await assertInert('timeline');
    expect(log.errors).toEqual([]);
  });
});
