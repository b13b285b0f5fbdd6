// What each role sees in the browser, and the sign-in page's own rules.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, signIn, visit, heading, submitAndWait, screenshot, idFromUrl,
} from './support.mjs';

let server;
let browser;

// A signed-in page for `role` in its own browser context; closed after fn.
async function as(role, fn) {
  const page = await newPage(browser, server.url);
  try {
    await signIn(page, server.accounts[role]);
    await fn(page);
    assert.deepEqual(page.problems, [], `${role}: no script errors`);
  } finally {
    await page.context().close();
  }
}

async function navLinks(page) {
  return (await page.locator('header nav a').allTextContents()).map((s) => s.trim());
}

async function expectForbidden(page, url, label) {
  await visit(page, url, 403);
  assert.equal(await heading(page), 'Not allowed', `${url}: the 403 page`);
  await page.locator('main [role=alert]').waitFor();
  await screenshot(page, `roles-${label}`);
}

describe('roles in the browser', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('viewer: reads, but cannot create or administer', async () => {
    await as('viewer', async (page) => {
      assert.ok(!(await navLinks(page)).includes('Accounts'), 'no Accounts link for a viewer');
      await visit(page, '/systems');
      await page.locator('#results tbody tr td:first-child a').first().waitFor();
      assert.equal(await page.locator('a#new-record').count(), 0, 'no "New" button for a viewer');
      await screenshot(page, 'roles-viewer-systems');
      const href = await page.locator('#results tbody tr td:first-child a').first().getAttribute('href');
      await visit(page, href);
      assert.equal(await page.locator('#edit-record').count(), 0, 'no Edit button for a viewer');
      assert.equal(await page.getByRole('button', { name: 'Retire' }).count(), 0, 'no Retire button for a viewer');
      await expectForbidden(page, '/systems/new', 'viewer-systems-new');
      await expectForbidden(page, `${href}/edit`, 'viewer-systems-edit');
      await expectForbidden(page, '/accounts', 'viewer-accounts');
      // The SoA is read only: no editable fields, no Save buttons.
      await visit(page, '/soa');
      assert.equal(await page.locator('select[id^="soa-app-"]').count(), 0, 'no SoA edit controls for a viewer');
      assert.equal(await page.locator('button[aria-label^="Save "]').count(), 0);
    });
  });

  it('auditor: opens the ledger and verifies it, cannot administer', async () => {
    await as('auditor', async (page) => {
      assert.ok((await navLinks(page)).includes('Ledger'));
      await visit(page, '/ledger');
      assert.ok(Number(await page.locator('#ledger-size').textContent()) > 0);
      assert.ok(await page.locator('#ledger-entries tbody tr').count() > 0);
      await page.click('#verify-button');
      await page.locator('#verify-ok').waitFor();
      await screenshot(page, 'roles-auditor-ledger');
      // A record's ledger history is shown to the auditor.
      await visit(page, '/systems/1');
      await page.getByRole('heading', { name: 'Ledger history' }).waitFor();
      await expectForbidden(page, '/accounts', 'auditor-accounts');
    });
  });

  it('system owner: creates an AI system', async () => {
    await as('system-owner', async (page) => {
      await visit(page, '/systems');
      await Promise.all([page.waitForURL('**/systems/new'), page.click('a#new-record')]);
      const name = `Owner-made system ${Date.now().toString(36)}`;
      await page.fill('#f-name', name);
      await page.fill('#f-purpose', 'Routes customer emails to the right team.');
      const res = await submitAndWait(page, '#save');
      assert.equal(res.status(), 200, `creating as system-owner: ${await heading(page)}`);
      assert.match(new URL(page.url()).pathname, /^\/systems\/\d+$/);
      assert.equal(await heading(page), name);
      const id = idFromUrl(page);
      await page.locator('#edit-record').waitFor();
      await screenshot(page, 'roles-system-owner-created');
      await visit(page, '/systems');
      await page.locator(`#results a[href="/systems/${id}"]`).waitFor();
      await expectForbidden(page, '/accounts', 'system-owner-accounts');
    });
  });

  it('admin: sees and opens Accounts', async () => {
    await as('admin', async (page) => {
      assert.ok((await navLinks(page)).includes('Accounts'));
      await visit(page, '/accounts');
      await page.locator('#add-user').waitFor();
      await page.locator('#define-role').waitFor();
      for (const role of ['viewer', 'auditor']) {
        await page.locator('#users').getByRole('cell', { name: server.accounts[role].email, exact: true }).waitFor();
      }
    });
  });

  it('sign-in: wrong password, lockout, next and its limits', async () => {
    const page = await newPage(browser, server.url);
    try {
      // Not signed in: sent to sign-in, then back where we were going.
      await page.goto('/risks?status=open');
      let url = new URL(page.url());
      assert.equal(url.pathname, '/login');
      assert.equal(url.searchParams.get('next'), '/risks?status=open');
      await page.fill('#email', server.accounts.approver.email);
      await page.fill('#password', server.accounts.approver.password);
      await submitAndWait(page, '#login-form button[type=submit]');
      url = new URL(page.url());
      assert.equal(`${url.pathname}${url.search}`, '/risks?status=open');
      await submitAndWait(page, '#sign-out');
      assert.equal(new URL(page.url()).pathname, '/login');

      // A "next" to another site is not followed.
      await page.goto('/login?next=//evil.example/x');
      await page.fill('#email', server.accounts.approver.email);
      await page.fill('#password', server.accounts.approver.password);
      await submitAndWait(page, '#login-form button[type=submit]');
      url = new URL(page.url());
      assert.equal(url.origin, server.url);
      assert.equal(url.pathname, '/');
      await submitAndWait(page, '#sign-out');

      // A wrong password: 401 and a message tied to the field.
      const victim = server.accounts['risk-owner'];
      await page.goto('/login');
      await page.fill('#email', victim.email);
      await page.fill('#password', 'wrong password 0');
      let res = await submitAndWait(page, '#login-form button[type=submit]');
      assert.equal(res.status(), 401);
      await page.locator('#login-error').waitFor();
      assert.equal(await page.locator('#email').inputValue(), victim.email, 'the email is kept');
      assert.equal(await page.locator('#password').inputValue(), '', 'the password is not echoed');
      await screenshot(page, 'roles-login-wrong-password');
      // Repeated wrong passwords lock the pair (docs/accounts.md: the 5th failure; at most ten),
      // and then even the right password is refused.
      let attempts = 1;
      while (res.status() === 401 && attempts < 10) {
        await page.fill('#password', `wrong password ${attempts}`);
        res = await submitAndWait(page, '#login-form button[type=submit]');
        attempts++;
      }
      assert.equal(res.status(), 429, `locked after ${attempts} wrong passwords`);
      assert.match(await page.locator('#login-error').textContent(), /too many failed/i);
      await page.fill('#password', victim.password);
      res = await submitAndWait(page, '#login-form button[type=submit]');
      assert.equal(res.status(), 429, 'while locked, the right password is refused too');
      assert.equal(new URL(page.url()).pathname, '/login');
      const message = (await page.locator('#login-error').textContent()).trim();
      assert.ok(message.length > 0, 'the lockout is explained');
      assert.equal(await page.locator('#sign-out').count(), 0);
      await screenshot(page, 'roles-login-locked');
    } finally {
      await page.context().close();
    }
  });
});
