// The keyboard alone: sign in, use the skip link, open "AI systems" and the first system. Only
// page.keyboard moves focus and activates things; the page is read to check where focus is.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, heading, screenshot } from './support.mjs';

let server;
let browser;
let page;

// What has focus: "tag#id.class [text]".
function focused() {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} [${text}]`;
  });
}

// Presses Tab until `predicate` holds for the focused element (evaluated in the page), at most
// `max` times; returns the number of presses.
async function tabUntil(predicate, what, max = 40) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return i;
  }
  throw new Error(`${what} not reached in ${max} Tab presses; focus is on ${await focused()}`);
}

// Presses a key that navigates and waits for the new page.
async function pressAndWait(key, urlPredicate) {
  await Promise.all([page.waitForURL(urlPredicate), page.keyboard.press(key)]);
  await page.locator('main#main h1').waitFor();
}

// On a freshly loaded page the first Tab lands on the skip link; Enter moves focus to <main>.
async function checkSkipLink(label) {
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.matches('a.skip')),
    `${label}: the first focusable element is the skip link, not ${await focused()}`);
  // The focused skip link is visible (it may be hidden until focused).
  const box = await page.locator('a.skip').boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0 && box.y >= 0, `${label}: the focused skip link is on screen`);
  await screenshot(page, `keyboard-03-${label}-skip-link`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(new URL(page.url()).hash, '#main');
}

describe('keyboard only', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in, opens AI systems and the first system', async () => {
    const account = server.accounts['aims-manager'];
    await page.goto('/login');
    await page.locator('#login-form').waitFor();
    // The email field has focus on load.
    await page.waitForFunction(() => document.activeElement?.id === 'email');
    await page.keyboard.type(account.email);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await page.keyboard.type(account.password);
    await screenshot(page, 'keyboard-01-login');
    await pressAndWait('Enter', (u) => u.pathname === '/');
    assert.equal(await heading(page), 'Dashboard');

    // On the dashboard the first Tab lands on the skip link; then the header: brand, nav links.
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('a.skip')),
      `dashboard: the first focusable element is the skip link, not ${await focused()}`);
    const presses = await tabUntil(
      () => document.activeElement?.matches('header nav a[href="/systems"]'), 'the "AI systems" link', 15);
    assert.ok(presses <= 4, `"AI systems" is reached soon after the skip link (${presses} Tab presses)`);
    await screenshot(page, 'keyboard-02-nav-focus');
    await pressAndWait('Enter', (u) => u.pathname === '/systems');
    assert.equal(await heading(page), 'AI systems');

    // On the list, the skip link leads into main; from there Tab reaches the search box, then
    // (past the filters and the "New" button) the first system.
    await checkSkipLink('systems');
    await tabUntil(() => document.activeElement?.id === 'q', 'the search box', 5);
    await tabUntil(() => document.activeElement?.matches('#results tbody tr td:first-child a'),
      'the first system link', 40);
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    const first = await page.locator('#results tbody tr td:first-child a').first().getAttribute('href');
    assert.equal(href, first, 'the first record link in the table is reached first');
    await screenshot(page, 'keyboard-04-first-system-focus');
    await pressAndWait('Enter', (u) => u.pathname === href);
    assert.match(href, /^\/systems\/\d+$/);
    await page.locator('#edit-record').waitFor();
    await screenshot(page, 'keyboard-05-system');

    // Sign out from the keyboard as well.
    await page.keyboard.press('Tab');
    await tabUntil(() => document.activeElement?.id === 'sign-out', 'the sign-out button', 20);
    await pressAndWait('Enter', (u) => u.pathname === '/login');
    assert.deepEqual(page.problems, []);
  });
});
