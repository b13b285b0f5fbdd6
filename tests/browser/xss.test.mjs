// Stored script and SQL text entered through the forms comes back as literal text everywhere it
// is shown, and never runs: no dialog opens, no element is injected, the raw HTML holds it escaped.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, signIn, visit, heading, submitAndWait, screenshot, idFromUrl,
} from './support.mjs';

const SCRIPT_NAME = '<script>alert(1)</script>';
const SQL_NAME = "Robert'); DROP TABLE ai_system;--";
const IMG_TITLE = '<img src=x onerror=alert(2)>';

let server;
let browser;
let page;
const dialogs = [];
const ids = {};

// The raw HTML the server sent must hold the text escaped, never as markup.
function assertEscaped(html, where) {
  assert.ok(!html.includes(SCRIPT_NAME), `${where}: unescaped ${SCRIPT_NAME} in the HTML`);
  assert.ok(!html.includes(IMG_TITLE), `${where}: unescaped ${IMG_TITLE} in the HTML`);
  assert.ok(!/<img[^>]*onerror/i.test(html), `${where}: an <img onerror> in the HTML`);
}

// Nothing was injected into the DOM: no script that alerts, no image from "x", no event handler.
async function assertNoInjection(where) {
  const injected = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => /alert/.test(s.textContent)).length,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
  }));
  assert.deepEqual(injected, { scripts: 0, images: 0, handlers: 0 }, `${where}: injected markup`);
  // The DOM as it stands (after any htmx swap), serialised, holds no such markup either.
  assertEscaped(await page.content(), `${where} (DOM)`);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
}

// A list item "<a href=/risks/ID>RSK-n</a> name ..." shows the name as text.
async function assertListed(riskId, name) {
  const item = page.locator(`main li:has(> a[href="/risks/${riskId}"])`).first();
  await item.waitFor();
  const link = (await item.locator('a').first().textContent()).trim();
  const text = (await item.textContent()).replace(/\s+/g, ' ').trim();
  assert.ok(text.startsWith(`${link} ${name}`), `the list item shows ${name} as text: ${text}`);
}

async function visitChecked(url, label) {
  const res = await visit(page, url);
  assertEscaped(await res.text(), label);
  await assertNoInjection(label);
  return res;
}

async function createSystem(name) {
  await visit(page, '/systems/new');
  await page.fill('#f-name', name);
  await page.fill('#f-purpose', `Purpose of ${name}`);
  await page.fill('#f-description', `${name} described: ${SCRIPT_NAME} ${IMG_TITLE}`);
  const res = await submitAndWait(page, '#save');
  assert.equal(res.status(), 200, `creating ${name}`);
  assert.match(new URL(page.url()).pathname, /^\/systems\/\d+$/);
  assert.equal(await heading(page), name);
  return idFromUrl(page);
}

describe('stored XSS and SQL text', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
      await dialog.dismiss().catch(() => {});
    });
    await signIn(page, server.accounts.admin);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the records through the forms', async () => {
    ids.script = await createSystem(SCRIPT_NAME);
    await screenshot(page, 'xss-01-system-script');
    ids.sql = await createSystem(SQL_NAME);
    await screenshot(page, 'xss-02-system-sql');

    await visit(page, '/risks/new');
    await page.fill('#f-title', IMG_TITLE);
    await page.fill('#f-likelihood', '4');
    await page.fill('#f-impact', '3');
    await page.fill('#f-review_date', '2020-01-31'); // overdue, so the dashboard lists it
    await page.selectOption('#f-systems', [String(ids.script), String(ids.sql)]);
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200);
    assert.match(new URL(page.url()).pathname, /^\/risks\/\d+$/);
    ids.risk = idFromUrl(page);
    assert.equal(await heading(page), IMG_TITLE);
    await screenshot(page, 'xss-03-risk');
    await assertNoInjection('after creating');
  });

  it('the systems list shows the names as text', async () => {
    await visitChecked('/systems', 'systems list');
    for (const name of [SCRIPT_NAME, SQL_NAME]) {
      await page.locator('#results').getByText(name, { exact: true }).waitFor();
    }
    // The SQL text did nothing to the table: the demo systems are still there.
    await page.locator('#results').getByText('Credit decisioning assistant', { exact: true }).waitFor();
    await screenshot(page, 'xss-04-systems-list');
  });

  it('the detail pages show the names and links as text', async () => {
    await visitChecked(`/systems/${ids.script}`, 'script system detail');
    assert.equal(await heading(page), SCRIPT_NAME);
    await page.locator('main dd').getByText(`${SCRIPT_NAME} described: ${SCRIPT_NAME} ${IMG_TITLE}`, { exact: true }).waitFor();
    // The risk that refers to it is listed by its title.
    await assertListed(ids.risk, IMG_TITLE);
    await screenshot(page, 'xss-05-system-detail');

    await visitChecked(`/systems/${ids.sql}`, 'sql system detail');
    assert.equal(await heading(page), SQL_NAME);

    await visitChecked(`/risks/${ids.risk}`, 'risk detail');
    assert.equal(await heading(page), IMG_TITLE);
    for (const id of [ids.script, ids.sql]) {
      const link = page.locator(`main a[href="/systems/${id}"]`).first();
      assert.equal((await link.textContent()).trim(), id === ids.script ? SCRIPT_NAME : SQL_NAME);
    }
    await screenshot(page, 'xss-06-risk-detail');
  });

  it('the edit form holds the values as text', async () => {
    await visitChecked(`/systems/${ids.script}/edit`, 'script system edit');
    assert.equal(await page.locator('#f-name').inputValue(), SCRIPT_NAME);
    assert.equal(await page.locator('#f-description').inputValue(), `${SCRIPT_NAME} described: ${SCRIPT_NAME} ${IMG_TITLE}`);
    await visitChecked(`/risks/${ids.risk}/edit`, 'risk edit');
    assert.equal(await page.locator('#f-title').inputValue(), IMG_TITLE);
    const selected = await page.locator('#f-systems option:checked').allTextContents();
    assert.deepEqual(selected.map((s) => s.trim()).sort(), [SCRIPT_NAME, SQL_NAME].sort());
  });

  it('the risks list and the dashboard show the title as text', async () => {
    await visitChecked('/risks', 'risks list');
    await page.locator('#results').getByText(IMG_TITLE, { exact: true }).waitFor();
    await screenshot(page, 'xss-07-risks-list');
    await visitChecked('/', 'dashboard');
    await assertListed(ids.risk, IMG_TITLE); // among the overdue reviews
    await screenshot(page, 'xss-08-dashboard');
  });

  it('search finds them and shows them as text', async () => {
    await visit(page, '/systems');
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/systems'
        && new URL(r.url()).searchParams.get('q') === 'alert(1)'),
      page.fill('#q', 'alert(1)'),
    ]);
    assert.equal(res.status(), 200);
    assertEscaped(await res.text(), 'live search response');
    const results = page.locator('#results');
    await results.getByText(SCRIPT_NAME, { exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('#results').textContent.includes('Credit decisioning'));
    await assertNoInjection('live search');
    await screenshot(page, 'xss-09-search');

    // The same search as a page of its own (the URL htmx pushed, or a bookmark).
    await visitChecked(`/systems?q=${encodeURIComponent(SQL_NAME)}`, 'search page');
    await results.getByText(SQL_NAME, { exact: true }).waitFor();
    assert.equal(await page.locator('#q').inputValue(), SQL_NAME);
    await visitChecked(`/risks?q=${encodeURIComponent('onerror')}`, 'risk search page');
    await results.getByText(IMG_TITLE, { exact: true }).waitFor();
    // The search text itself is escaped when echoed back.
    await visitChecked(`/systems?q=${encodeURIComponent(SCRIPT_NAME)}`, 'script search page');
    assert.equal(await page.locator('#q').inputValue(), SCRIPT_NAME);
  });

  it('the ledger lists the records without running them', async () => {
    await visitChecked('/ledger', 'ledger');
    await page.locator(`#ledger-entries a[href="/systems/${ids.script}"]`).first().waitFor();
    assert.deepEqual(dialogs, [], 'no dialog opened anywhere');
    assert.deepEqual(page.problems, [], 'no script errors');
  });
});
