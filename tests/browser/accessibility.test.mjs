// axe-core (WCAG 2.0/2.1 A and AA rules) on every page of the web application: no serious or
// critical violation. Every violation found, whatever its impact, is printed.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, signIn, visit, submitAndWait, screenshot, axe, formatViolations,
  PLURALS,
} from './support.mjs';

let server;
let browser;
let page; // the admin's
const found = []; // every violation on every page, for the summary

// Runs axe on the page as it is now, screenshots it, and fails on serious or critical violations.
async function check(t, label, p = page) {
  await screenshot(p, `a11y-${label}`);
  const { all, blocking } = await axe(p);
  for (const v of all) found.push({ page: label, ...v });
  if (all.length) t.diagnostic(`axe on ${label}:\n${formatViolations(label, all)}`);
  assert.equal(blocking.length, 0,
    `serious or critical axe violations on ${label} (${p.url()}):\n${formatViolations(label, all)}`);
}

async function firstRecordHref(plural) {
  await visit(page, `/${plural}`);
  const link = page.locator('#results tbody tr td:first-child a').first();
  await link.waitFor();
  return link.getAttribute('href');
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
    await signIn(page, server.accounts.admin);
  });
  after(async () => {
    if (found.length) {
      console.log(`axe violations found (any impact), ${found.length}:\n${found.map((v) =>
        formatViolations(v.page, [v])).join('\n')}`);
    }
    await browser?.close();
    await server?.stop();
  });

  it('login page, also with a sign-in error', async (t) => {
    const p = await newPage(browser, server.url);
    try {
      await visit(p, '/login');
      await check(t, 'login', p);
      await p.fill('#email', server.accounts.viewer.email);
      await p.fill('#password', 'not the password');
      const res = await submitAndWait(p, '#login-form button[type=submit]');
      assert.equal(res.status(), 401);
      await p.locator('#login-error').waitFor();
      await check(t, 'login-error', p);
    } finally {
      await p.context().close();
    }
  });

  it('dashboard', async (t) => {
    await visit(page, '/');
    await page.locator('svg#heatmap').waitFor();
    await check(t, 'dashboard');
    // With the heat map table open.
    await page.click('details > summary');
    await page.locator('#heat-table').waitFor({ state: 'visible' });
    await check(t, 'dashboard-table-open');
  });

  it('register index', async (t) => {
    await visit(page, '/register');
    await check(t, 'register');
  });

  for (const plural of PLURALS) {
    it(`list /${plural}`, async (t) => {
      await visit(page, `/${plural}`);
      await page.locator('#results').waitFor();
      await check(t, `list-${plural}`);
    });
  }

  it('list filtered through live search', async (t) => {
    await visit(page, '/systems');
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/systems' && r.request().headers()['hx-request'] === 'true'),
      page.fill('#q', 'credit'),
    ]);
    assert.equal(res.status(), 200);
    await page.waitForURL((u) => u.searchParams.get('q') === 'credit');
    await check(t, 'list-systems-search');
  });

  for (const plural of ['systems', 'risks', 'evidence']) {
    it(`/${plural}: detail, new and edit forms`, async (t) => {
      const href = await firstRecordHref(plural);
      await visit(page, href);
      await check(t, `detail-${plural}`);
      await visit(page, `/${plural}/new`);
      await page.locator('#record-form').waitFor();
      await check(t, `new-${plural}`);
      await visit(page, `${href}/edit`);
      await page.locator('#record-form').waitFor();
      await check(t, `edit-${plural}`);
    });
  }

  it('form with validation errors', async (t) => {
    await visit(page, '/risks/new');
    await page.fill('#f-title', 'A risk with a likelihood out of range');
    await page.fill('#f-likelihood', '9');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 422);
    await page.locator('#form-problem[role=alert]').waitFor();
    await page.locator('#f-likelihood-error.error').waitFor();
    assert.equal(await page.locator('#f-likelihood').getAttribute('aria-invalid'), 'true');
    await check(t, 'new-risks-errors');
  });

  it('other detail pages', async (t) => {
    for (const plural of ['people', 'controls', 'soa_entries', 'models', 'risk_methodologies', 'impacts',
      'aiact_assessments', 'obligations', 'gate_requests', 'gate_policies', 'incidents', 'policies', 'responsibilities',
      'objectives', 'measurements', 'courses', 'trainings', 'oversight']) {
      const href = await firstRecordHref(plural);
      await visit(page, href);
      await check(t, `detail-${plural}`);
    }
  });

  it('oversee: governance (policies, RACI matrix, gaps)', async (t) => {
    await visit(page, '/governance');
    await page.locator('#raci-matrix').waitFor();
    await page.locator('#raci-gaps').waitFor();
    await check(t, 'governance');
  });

  it('oversee: inbox', async (t) => {
    await visit(page, '/inbox');
    await page.locator('#inbox-count').waitFor();
    await check(t, 'inbox');
  });

  it('oversee: human oversight and competence', async (t) => {
    await visit(page, '/competence');
    await page.locator('#oversight-table').waitFor();
    await page.locator('#competence-table').waitFor();
    await check(t, 'competence');
  });

  it('oversee: lifecycle gate policy', async (t) => {
    await visit(page, '/gate-policy');
    await page.locator('#gate-policy-rules').waitFor();
    await page.locator('#gate-policy-form').waitFor();
    await check(t, 'gate-policy');
  });

  it('assess: risk methodology, classification questionnaire, impact assessment and its document', async (t) => {
    await visit(page, '/risk-methodology');
    await page.locator('#methodology-matrix').waitFor();
    await page.locator('#methodology-form').waitFor();
    await check(t, 'risk-methodology');
    await visit(page, '/risk-library');
    await page.locator('#risk-library').waitFor();
    await check(t, 'risk-library');
    await visit(page, '/risks/new?template=over-reliance');
    await page.locator('#record-form').waitFor();
    await check(t, 'risk-new-from-library');
    // A risk above the appetite, with the approver's acceptance form (the admin owns no risk).
    await visit(page, '/risks/3');
    await page.locator('#risk-assessment').waitFor();
    await check(t, 'detail-risks-assessment');
    await visit(page, '/systems/1');
    await page.locator('#aiact').waitFor();
    await check(t, 'detail-systems-aiact');
    await visit(page, '/systems/1/classify');
    await page.locator('#classify-form').waitFor();
    await check(t, 'classify');
    // A classification refused (no role chosen) is shown on the questionnaire.
    await page.selectOption('#c-role', '');
    await page.evaluate(() => document.getElementById('c-role').removeAttribute('required'));
    const res = await submitAndWait(page, '#classify-submit');
    assert.equal(res.status(), 422);
    await page.locator('#classify-error').waitFor();
    await check(t, 'classify-error');
    const href = await firstRecordHref('impact_assessments');
    await visit(page, href);
    await page.locator('#impact-state').waitFor();
    await check(t, 'detail-impact_assessments');
    await visit(page, '/impact_assessments/new');
    await page.locator('#record-form').waitFor();
    await check(t, 'new-impact_assessments');
    await visit(page, '/impacts/new');
    await page.locator('#record-form').waitFor();
    await check(t, 'new-impacts');
    // The readable document is a page of its own, outside the application's layout.
    const doc = await page.goto(`${href}/document`);
    assert.equal(doc.status(), 200);
    await page.locator('h1').waitFor();
    await check(t, 'impact-document');
  });

  it('statement of applicability, also after a save', async (t) => {
    await visit(page, '/soa');
    await check(t, 'soa');
    const row = page.locator('tr#soa-A-6-2-8');
    await page.fill('#soa-just-A-6-2-8', 'Logging is required for traceability.');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/soa/')),
      page.click('button[aria-label="Save A.6.2.8"]'),
    ]);
    await row.locator('p.ok').waitFor();
    await check(t, 'soa-saved');
    // A decision without a justification is refused in the row.
    await page.selectOption('#soa-app-A-6-2-8', 'no');
    await page.fill('#soa-just-A-6-2-8', '');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/soa/')),
      page.click('button[aria-label="Save A.6.2.8"]'),
    ]);
    assert.equal(res.status(), 422);
    await row.locator('p.error').waitFor();
    assert.equal(await page.locator('#soa-just-A-6-2-8').getAttribute('aria-invalid'), 'true');
    await check(t, 'soa-error');
  });

  it('evidence form after an upload', async (t) => {
    await visit(page, '/evidence/new');
    await page.setInputFiles('#evidence-file', {
      name: 'a11y.txt', mimeType: 'text/plain', buffer: Buffer.from('accessibility check\n'),
    });
    await page.waitForFunction(() => /^Uploaded /.test(document.getElementById('upload-status').textContent));
    await check(t, 'new-evidence-uploaded');
  });

  it('ledger, after verification', async (t) => {
    await visit(page, '/ledger');
    await check(t, 'ledger');
    await page.click('#verify-button');
    await page.locator('#verify-ok').waitFor();
    await check(t, 'ledger-verified');
  });

  it('accounts', async (t) => {
    await visit(page, '/accounts');
    await page.locator('#add-user').waitFor();
    await check(t, 'accounts');
    // Adding a user whose email is taken is refused with a message.
    await page.fill('#u-email', server.accounts.viewer.email);
    await page.fill('#u-password', 'a long enough password');
    const res = await submitAndWait(page, '#add-user button[type=submit]');
    assert.ok(res.status() >= 400, `adding a taken email answered ${res.status()}`);
    await page.locator('#accounts-problem').waitFor();
    await check(t, 'accounts-problem');
  });

  it('webhooks: add (secret shown once), refused URL, delivery log', async (t) => {
    await visit(page, '/accounts');
    await page.click('#webhooks-link');
    await page.waitForURL(/\/webhooks$/);
    await page.locator('#add-webhook').waitFor();
    await check(t, 'webhooks');
    await page.fill('#w-url', 'ftp://127.0.0.1:9/x');
    let res = await submitAndWait(page, '#add-webhook-button');
    assert.equal(res.status(), 422);
    assert.match(await page.locator('#form-problem').textContent(), /must start with http:\/\//);
    await page.fill('#w-url', 'http://127.0.0.1:9/aims');
    await page.check('#w-event-approval');
    res = await submitAndWait(page, '#add-webhook-button');
    assert.equal(res.status(), 201);
    assert.match(await page.locator('#secret-value').textContent(), /^[0-9a-f]{64}$/);
    assert.match(await page.locator('#webhook-table').textContent(), /http:\/\/127\.0\.0\.1:9\/aims\s*approval/);
    await check(t, 'webhook-added');
    // The secret is not on the page again.
    await visit(page, '/webhooks');
    assert.equal(await page.locator('#secret-value').count(), 0);
  });

  it('CSV import: all steps', async (t) => {
    await visit(page, '/import');
    await check(t, 'import-1-csv');
    await page.selectOption('#i-kind', 'ai_system');
    await page.fill('#i-csv', 'name,purpose,ai_act_tier\nA11y import one,Checks the import pages,minimal\n'
      + 'A11y import two,Checks them again,limited\n');
    let res = await submitAndWait(page, '#import-next');
    assert.equal(res.status(), 200);
    await page.locator('#map-form').waitFor();
    await check(t, 'import-2-map');
    res = await submitAndWait(page, '#dry-run');
    assert.equal(res.status(), 200);
    await page.locator('#preview').waitFor();
    await page.locator('#dry-run-ok').waitFor();
    await check(t, 'import-3-preview');
    res = await submitAndWait(page, '#import-apply');
    assert.equal(res.status(), 200);
    await page.locator('#import-done').waitFor();
    await check(t, 'import-4-done');
  });

  it('CSV import: preview with errors', async (t) => {
    await visit(page, '/import');
    await page.selectOption('#i-kind', 'risk');
    await page.fill('#i-csv', 'title,likelihood,impact\nA11y risk,7,2\n');
    await submitAndWait(page, '#import-next');
    await page.locator('#map-form').waitFor();
    await submitAndWait(page, '#dry-run');
    await page.locator('#import-errors').waitFor();
    await check(t, 'import-3-preview-errors');
  });

  it('error pages: 404 and 403', async (t) => {
    await visit(page, '/systems/999999', 404);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Not found');
    await check(t, 'error-404');
    const viewer = await newPage(browser, server.url);
    try {
      await signIn(viewer, server.accounts.viewer);
      await visit(viewer, '/accounts', 403);
      await check(t, 'error-403', viewer);
    } finally {
      await viewer.context().close();
    }
  });
});
