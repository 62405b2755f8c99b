/**
 * One end-to-end test per view of the web app, in Chromium against `isnad serve` on loopback,
 * over the invented test datasets. Each clicks through like a user and asserts what is shown;
 * screenshots go to test-output/screenshots at 1280×800 and 390×844.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserUnavailable, DESKTOP, FIXTURES, NARROW, screenshot, startSession, waitRendered, type PageLog, type Session } from './harness.js';
import { join } from 'node:path';

const skip = browserUnavailable();
if (skip) console.warn(`skipping browser tests: ${skip}`);

describe.skipIf(Boolean(skip))('web app views in Chromium', () => {
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

  const go = async (hash: string) => {
    await page.goto(`/${hash}`);
  };

  test('search: finds an entity by another transliteration and says why', async () => {
    // "Yousef" is another romanisation of "Yusuf": the kunya of Tariq Mansour.
    await go('#/search?q=Abu%20Yousef%20al-Nahri');
    const first = page.locator('.result').first();
    await expect.poll(() => first.locator('.result-name').textContent()).toBe('Tariq Mansour');
    expect(await first.locator('.matched').textContent()).toBe('matched the name Abu Yusuf al-Nahri');
    expect(await first.locator('.reasons li').count()).toBeGreaterThan(0);
    expect(await first.locator('.reasons').textContent()).toMatch(/folding/);
    // Typing a kunya shared by two different men lists both.
    await page.fill('#search-q', 'Abu Salim');
    await expect.poll(() => page.locator('.result-name').allTextContents()).toEqual(expect.arrayContaining(['Karim Haddad', 'Abu Salim al-Jabali']));
    expect(page.url()).toContain('q=Abu');
    await screenshot(page, 'search-1280');
    await page.locator('.result-name', { hasText: 'Karim Haddad' }).click();
    await page.waitForURL(/#\/entity\/karim-haddad/);
  });

  test('entity page: names with kinds and sources, roles over time, evidence links to the source viewer', async () => {
    await go('#/entity/karim-haddad');
    await expect.poll(() => page.locator('h1#entity-title').textContent()).toBe('Karim Haddad');
    const row = page.locator('.names-table tr', { hasText: 'Abu Salim al-Nahri' });
    expect(await row.locator('td').nth(1).textContent()).toBe('kunya');
    expect(await row.locator('td').nth(2).textContent()).toContain('farouk-2020');
    expect(await page.locator('.claims-section.roles .claim-card').count()).toBe(2);
    expect(await page.locator('.claims-section.roles').textContent()).toContain('Valley Brotherhood');
    await waitRendered(page, '.mini-timeline .timeline-chart');
    expect(await page.locator('.mini-timeline .tl-item').count()).toBeGreaterThanOrEqual(4);
    // "until his death" (killed in June 1998) is an event.
    expect(await page.locator('.claims-section.events').textContent()).toContain('June 1998');
    await screenshot(page, 'entity-1280');
    // Show the quote, then follow the evidence link.
    const card = page.locator('.claims-section.roles .claim-card').first();
    await card.getByRole('button', { name: /show the quote/i }).click();
    expect(await card.locator('blockquote').textContent()).toMatch(/Haddad led it/);
    await card.locator('a.evidence-link').click();
    await page.waitForURL(/#\/source\/farouk-2020\?claim=/);
    await expect.poll(() => page.locator('h1#source-title').textContent()).toBe('A History of the Valley Movements');
    // An organization as of a date: its leader then, from the date form.
    await go('#/entity/river-emirate');
    await page.fill('#asof-date', '2005');
    await page.press('#asof-date', 'Enter');
    await page.waitForURL(/asof=2005/);
    const asof = page.locator('.asof-list');
    await expect.poll(() => asof.locator('.asof-row', { hasText: 'Led by' }).textContent()).toContain('Tariq Mansour');
    expect(await asof.locator('.asof-row', { hasText: 'Allegiance to' }).textContent()).toContain('Mountain Network');
  });

  test('timeline: intervals and uncertain dates drawn, zoom, selection shows the evidence, claimant filter', async () => {
    await go('#/timeline?entities=valley-front');
    await waitRendered(page, '.timeline-view .timeline-chart');
    const items = page.locator('.timeline-view .tl-item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(5);
    // "around 1995" is approximate: labelled with "~" and drawn with a hatched band.
    const renamed = page.locator('.tl-item[data-claim="vb-renamed"]');
    expect(await renamed.locator('.tl-label').textContent()).toMatch(/^~ Valley Brotherhood was renamed Valley Front/);
    expect(await renamed.getAttribute('class')).toContain('fuzzy');
    expect(await page.locator('.timeline-view rect[fill^="url(#"]').count()).toBeGreaterThan(0);
    const before = await page.locator('.tl-span').textContent();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => page.locator('.tl-span').textContent()).not.toBe(before);
    await page.getByRole('button', { name: 'Fit all' }).click();
    await page.locator('.tl-item[data-claim="vf-pledge"]').click();
    const selected = page.locator('.selected-claim');
    expect(await selected.textContent()).toContain('pledged allegiance to');
    expect(await selected.locator('blockquote').textContent()).toContain('pledged to the Network in October 1999');
    await screenshot(page, 'timeline-1280');
    // Add a second entity through the picker; the URL keeps the choice.
    await page.fill('#tl-add', 'Mountain Net');
    await page.locator('#tl-add-list li').first().click();
    await page.waitForURL(/entities=valley-front%2Cmountain-network|entities=valley-front,mountain-network/);
    await waitRendered(page, '.timeline-view .timeline-chart');
    await expect.poll(() => page.locator('.tl-item[data-claim="omar-leads-mn"]').count()).toBe(1);
    // Claimant filter keeps only what one claimant says.
    await page.selectOption('#tl-claimant', 'river-emirate');
    await page.waitForURL(/claimant=river-emirate/);
    await expect.poll(() => page.locator('.chrono-list > li').count()).toBe(1);
    expect(await page.locator('.chrono-list').textContent()).toContain('not:');
  });

  test('lineage: dagre diagram of the organization family, disputed and dashed links, claims per link', async () => {
    await go('#/lineage/river-emirate');
    await waitRendered(page, '.lineage-graph');
    expect(await page.locator('.lineage-graph canvas').count()).toBeGreaterThan(0);
    const table = page.locator('.edge-table');
    const text = (await table.textContent()) ?? '';
    for (const p of ['renamed to', 'merged into', 'declared', 'split from', 'branch of']) expect(text).toContain(p);
    const disputed = table.locator('tr.disputed');
    expect(await disputed.count()).toBeGreaterThan(0);
    expect(await disputed.first().textContent()).toContain('River Emirate');
    await screenshot(page, 'lineage-1280');
    await disputed.first().getByRole('button').click();
    const sel = page.locator('.selected-claim');
    expect(await sel.locator('.claim-card').count()).toBeGreaterThanOrEqual(2);
    expect(await sel.textContent()).toContain('not:');
    // Another organization from the picker.
    await page.fill('#lineage-pick', 'Valley Brother');
    await page.locator('#lineage-pick-list li').first().click();
    await page.waitForURL(/#\/lineage\/valley-brotherhood/);
    await waitRendered(page, '.lineage-graph');
  });

  test('network as of a date: slider and date field, certain and possible links, click through to an entity', async () => {
    await go('#/network?date=2000-06');
    await waitRendered(page, '.network-graph');
    const summary = page.locator('.network-view .summary');
    await expect.poll(() => summary.textContent()).toMatch(/entities and \d+ links on 2000-06/);
    const table = page.locator('.edge-table');
    expect(await table.textContent()).toContain('Valley Front');
    expect(await table.textContent()).toContain('branch of');
    await screenshot(page, 'network-1280');
    // Typing a date.
    await page.fill('#net-date', '2003-11');
    await page.press('#net-date', 'Enter');
    await page.waitForURL(/date=2003-11/);
    await expect.poll(() => page.locator('.network-view h1').textContent()).toBe('Network as of 2003-11');
    await waitRendered(page, '.network-graph');
    // The Emirate was declared "late 2003": in November 2003 its links only possibly held.
    const possible = page.locator('.edge-table tr.modality-possible');
    await expect.poll(() => possible.count()).toBeGreaterThan(0);
    expect(await possible.first().textContent()).toContain('possibly');
    expect(await page.locator('.edge-table tr.modality-certain').count()).toBeGreaterThan(0);
    // Moving the slider with the keyboard changes the date.
    await page.focus('#net-slider');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/date=2003-12/);
    // Click through to an entity page.
    await page.locator('.edge-table a', { hasText: 'River Emirate' }).first().click();
    await page.waitForURL(/#\/entity\/river-emirate/);
  });

  test('disputes: sides next to each other with claimant, chain, date, quote and source', async () => {
    await go('#/disputes');
    const d = page.locator('article.dispute', { hasText: 'Did the River Emirate remain a branch of the Mountain Network after 2003?' });
    await expect.poll(() => d.count()).toBe(1);
    const sides = d.locator('.side');
    expect(await sides.count()).toBe(2);
    expect(await sides.nth(0).locator('h3').textContent()).toContain('Asserts');
    expect(await sides.nth(1).locator('h3').textContent()).toContain('Denies');
    // The Network's statement is reported by the author: a two-link chain.
    const network = d.locator('.side-claim[data-claim="re-branch-network-says"]');
    const links = network.locator('.chain-link');
    expect(await links.count()).toBe(2);
    expect(await links.nth(0).textContent()).toContain('Lina Farouk');
    expect(await links.nth(1).textContent()).toContain('Mountain Network');
    expect(await links.nth(1).textContent()).toContain('2009-02');
    expect(await network.locator('blockquote').textContent()).toContain('stayed its branch until 2008');
    expect(await network.locator('.time').textContent()).toContain('late 2003');
    const denial = d.locator('.side-claim[data-claim="re-branch-emirate-denies"]');
    expect(await denial.locator('.side-claimant').textContent()).toContain('River Emirate');
    await d.scrollIntoViewIfNeeded();
    await screenshot(page, 'disputes-1280');
    await network.locator('figcaption a').first().click();
    await page.waitForURL(/#\/source\/farouk-2020/);
  });

  test('review queue: highlighted evidence, j/k, accept, reject, edit and merge', async () => {
    await go('#/review');
    const list = page.locator('.review-list > li');
    await expect.poll(() => list.count()).toBe(5);
    const selectedId = () => page.locator('.review-detail').getAttribute('data-claim');
    const first = await selectedId();
    await page.keyboard.press('j');
    await expect.poll(selectedId).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(selectedId).toBe(first);
    // Navigate to the founding claim, whose quote is located in the stored text: highlighted in context.
    for (let i = 0; i < 5 && (await selectedId()) !== 'hostile-founded'; i++) await page.keyboard.press('j');
    expect(await selectedId()).toBe('hostile-founded');
    const mark = page.locator('.review-detail .context mark');
    await expect.poll(() => mark.textContent()).toContain('The Delta Assembly was founded in 2011 by Sami Nour.');
    await screenshot(page, 'review-1280');
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.status-line').textContent()).toBe('Accepted: hostile-founded');
    await expect.poll(() => list.count()).toBe(4);
    const next = await selectedId();
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('.status-line').textContent()).toBe(`Rejected: ${next}`);
    await expect.poll(() => list.count()).toBe(3);
    // Edit: change the date of the selected claim.
    await page.keyboard.press('e');
    await page.fill('#edit-time', '2012~');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.status-line').textContent()).toMatch(/^Saved changes to /);
    await expect.poll(() => page.locator('.review-detail .claim-meta .time').textContent()).toBe('c. 2012');
    // The accepted claim now counts: its entity page shows it.
    const res = await page.request.get('/api/claims/hostile-founded');
    expect(((await res.json()) as { status: string }).status).toBe('accepted');
    // Merge two entity records.
    await page.fill('#merge-keep', 'Karim Had');
    await page.locator('#merge-keep-list li').first().click();
    await page.fill('#merge-merge', 'Abu Salim al-Jab');
    await page.locator('#merge-merge-list li').first().click();
    await page.getByRole('button', { name: 'Merge Abu Salim al-Jabali into Karim Haddad' }).click();
    await expect.poll(() => page.locator('.status-line').textContent()).toBe('Merged Abu Salim al-Jabali into Karim Haddad.');
  });

  test('source viewer: every evidence span highlighted and linked to its claims', async () => {
    await go('#/source/hostile-bulletin');
    await waitRendered(page, '.source-text');
    const marks = page.locator('.source-text mark');
    expect(await marks.count()).toBe(5);
    await marks.nth(1).click();
    const aside = page.locator('.source-claims');
    await expect.poll(() => aside.locator('h2').textContent()).toBe('1 claim citing this passage');
    expect(await aside.locator('.claim-sentence').textContent()).toContain('Delta Assembly was allied with Coast League');
    expect(await marks.nth(1).getAttribute('class')).toContain('active');
    await screenshot(page, 'source-1280');
    // A deep link to one claim marks its span.
    await go('#/source/hostile-bulletin?claim=hostile-denial');
    await waitRendered(page, '.source-text');
    expect(await page.locator('.source-text mark.focused').textContent()).toBe('The Coast League denied any alliance.');
  });

  test('every view at a narrow screen (390×844) and keyboard focus is visible', async () => {
    const { page: narrow, log: nlog } = await s.page(NARROW);
    const views: [string, string, string?][] = [
      ['#/', 'home'],
      ['#/search?q=Abu%20Salim', 'search'],
      ['#/entity/river-emirate', 'entity', '.mini-timeline .timeline-chart'],
      ['#/timeline?entities=river-emirate', 'timeline', '.timeline-view .timeline-chart'],
      ['#/lineage/valley-brotherhood', 'lineage', '.lineage-graph'],
      ['#/network?date=2000-06', 'network', '.network-graph'],
      ['#/disputes', 'disputes'],
      ['#/review', 'review'],
      ['#/source/hostile-bulletin', 'source', '.source-text'],
    ];
    for (const [hash, name, marker] of views) {
      await narrow.goto(`/${hash}`);
      if (marker) await waitRendered(narrow, marker);
      else await narrow.waitForSelector('main h1');
      // Nothing wider than the screen: no horizontal scrolling of the page.
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} overflows the narrow screen by ${overflow}px`).toBeLessThanOrEqual(1);
      await screenshot(narrow, `${name}-390`);
    }
    // Tab moves focus to the skip link first, and focus is drawn.
    const { page: fresh } = await s.page(NARROW);
    await fresh.goto('/#/');
    await fresh.waitForSelector('main h1');
    await fresh.keyboard.press('Tab');
    const focused = await fresh.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(focused.text).toBe('Skip to content');
    expect(focused.outline).not.toBe('none');
    expect(nlog.dialogs).toEqual([]);
  });

  test('no page errors, no dialogs and no request leaves the server', async () => {
    expect(log.errors.filter((e) => !/Failed to load resource: the server responded with a status of 409/.test(e))).toEqual([]);
    expect(log.dialogs).toEqual([]);
    const origin = new URL(s.server.url).origin;
    expect(log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  });
});
