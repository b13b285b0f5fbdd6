// The register pages beyond the journey: live search and filters (htmx), the same without
// scripts, sorting, pages of 50, editing, a stale edit, retiring, and the wording of refusals.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, signIn, visit, heading, submitAndWait, screenshot,
} from './support.mjs';

let server;
let browser;
let page; // the admin's

const isHtmx = (r) => r.request().headers()['hx-request'] === 'true';

// Texts of column `label` (by its header) in the #results table.
async function columnTexts(p, label) {
  const headers = (await p.locator('#results thead th').allTextContents()).map((s) => s.trim());
  const index = headers.indexOf(label);
  assert.ok(index >= 0, `no column "${label}" in ${headers.join(', ')}`);
  return (await p.locator(`#results tbody tr td:nth-child(${index + 1})`).allTextContents()).map((s) => s.trim());
}

async function importSystems(count, prefix) {
  const lines = ['name,purpose'];
  for (let i = 1; i <= count; i++) lines.push(`${prefix} ${String(i).padStart(3, '0')},Bulk system ${i} for paging`);
  await visit(page, '/import');
  await page.selectOption('#i-kind', 'ai_system');
  await page.fill('#i-csv', `${lines.join('\n')}\n`);
  await submitAndWait(page, '#import-next');
  assert.equal(await page.locator('#map-0').inputValue(), 'name', 'the name column is matched to the name field');
  assert.equal(await page.locator('#map-1').inputValue(), 'purpose');
  await submitAndWait(page, '#dry-run');
  await page.locator('#dry-run-ok').waitFor();
  assert.equal(await page.locator('#preview tbody tr').count(), count);
  await submitAndWait(page, '#import-apply');
  await page.locator('#import-done').waitFor();
  assert.match(await page.locator('#import-done').textContent(), new RegExp(`${count} created`));
}

describe('register pages', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
    await signIn(page, server.accounts.admin);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('live search narrows the list in place and keeps the URL', async () => {
    await visit(page, '/systems');
    const before = await page.locator('#results tbody tr').count();
    const [res] = await Promise.all([
      page.waitForResponse((r) => isHtmx(r) && new URL(r.url()).searchParams.get('q') === 'credit'),
      page.fill('#q', 'credit'),
    ]);
    assert.equal(res.status(), 200);
    await page.waitForURL((u) => u.searchParams.get('q') === 'credit');
    await page.waitForFunction((n) => document.querySelectorAll('#results tbody tr').length < n, before);
    const names = await columnTexts(page, 'Name');
    assert.ok(names.length >= 1 && names.every((n) => /credit/i.test(n)), `search results: ${names.join(' | ')}`);
    await screenshot(page, 'registers-live-search');
  });

  it('every filter of a list filters it in place', async () => {
    const failures = [];
    for (const path of ['/systems', '/risks', '/soa']) {
      await visit(page, path);
      const selects = await page.locator('form.filters select').evaluateAll((els) => els.map((e) => ({
        id: e.id,
        name: e.name,
        options: [...e.options].map((o) => ({ value: o.value, label: o.textContent.trim() })),
      })));
      for (const select of selects) {
        const choice = select.options.find((o) => o.value !== '' && !o.selected);
        if (!choice || select.options.length < 2) continue; // nothing to change to
        await visit(page, path);
        // htmx sends the request as soon as the choice changes.
        const sent = page.waitForRequest((r) => r.headers()['hx-request'] === 'true'
          && new URL(r.url()).searchParams.get(select.name) === choice.value, { timeout: 1500 }).catch(() => null);
        await page.selectOption(`#${select.id}`, choice.value);
        const request = await sent;
        if (!request) {
          failures.push(`${path} #${select.id} = ${choice.value}: no request, the list did not change`);
          continue;
        }
        const res = await request.response();
        assert.equal(res?.status(), 200, `${path} #${select.id}: the filtered list`);
        await page.waitForURL((u) => u.searchParams.get(select.name) === choice.value);
        if (path !== '/soa' && select.name !== 'framework') {
          // Every row shown has the chosen value in the filter's column.
          const label = await page.locator(`label[for="${select.id}"]`).textContent();
          const cells = await columnTexts(page, label.trim());
          const wrong = cells.filter((c) => c !== choice.label && !/^Nothing here/.test(c));
          if (wrong.length) failures.push(`${path} #${select.id} = ${choice.label}: rows with ${wrong.join(', ')}`);
        }
      }
    }
    assert.deepEqual(failures, [], `live filters:\n  ${failures.join('\n  ')}`);
  });

  it('the filters and sign-in work without scripts', async () => {
    const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      await p.goto('/login');
      await p.fill('#email', server.accounts.viewer.email);
      await p.fill('#password', server.accounts.viewer.password);
      await submitAndWait(p, '#login-form button[type=submit]');
      assert.equal(new URL(p.url()).pathname, '/');
      await visit(p, '/systems');
      await p.selectOption('#filter-ai_act_tier', 'high');
      await submitAndWait(p, 'form.filters button[type=submit]');
      assert.equal(new URL(p.url()).searchParams.get('ai_act_tier'), 'high');
      const tiers = await columnTexts(p, 'EU AI Act tier');
      assert.ok(tiers.length >= 1 && tiers.every((t) => t === 'high'), `tiers: ${tiers.join(', ')}`);
      await screenshot(p, 'registers-no-script-filter');
    } finally {
      await context.close();
    }
  });

  it('sorts by a column', async () => {
    await visit(page, '/systems');
    await submitAndWait(page, '#results thead th a:text-is("Name")');
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'name');
    const names = await columnTexts(page, 'Name');
    const sorted = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    assert.deepEqual(names, sorted);
    assert.equal(await page.locator('#results thead th[aria-sort]').getAttribute('aria-sort'), 'ascending');
  });

  it('shows pages of 50 with a link to the next', async () => {
    await importSystems(60, 'Paging system');
    await visit(page, '/systems');
    const first = await page.locator('#results tbody tr td:first-child a').allTextContents();
    assert.equal(first.length, 50);
    await page.locator('#next-page').waitFor();
    await submitAndWait(page, '#next-page');
    const second = await page.locator('#results tbody tr td:first-child a').allTextContents();
    assert.ok(second.length >= 15, `second page has the rest: ${second.length}`);
    assert.deepEqual(first.filter((id) => second.includes(id)), [], 'no record on both pages');
    assert.equal(await page.locator('#next-page').count(), 0, 'the last page has no next link');
    await screenshot(page, 'registers-page-2');
  });

  it('edits a record, and the ledger history shows the update', async () => {
    await visit(page, '/systems/2');
    const name = await heading(page);
    await submitAndWait(page, '#edit-record');
    assert.equal(await heading(page), `Edit ${name}`);
    await page.fill('#f-business_unit', 'People analytics');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/systems/2');
    await page.locator('main dd').getByText('People analytics', { exact: true }).waitFor();
    const actions = (await page.locator('#history ~ table tbody tr td:nth-child(4)').allTextContents()).map((s) => s.trim());
    assert.ok(actions.includes('update'), `history actions: ${actions.join(', ')}`);
    await screenshot(page, 'registers-edited');
  });

  it('refuses a stale edit without overwriting', async () => {
    const other = await newPage(browser, server.url);
    try {
      await signIn(other, server.accounts['aims-manager']);
      await visit(page, '/systems/3/edit');
      await visit(other, '/systems/3/edit');
      await page.fill('#f-business_unit', 'First change');
      await submitAndWait(page, '#save');
      await other.fill('#f-business_unit', 'Second change');
      const res = await submitAndWait(other, '#save');
      assert.equal(res.status(), 412);
      await other.locator('#form-problem').waitFor();
      assert.match(await other.locator('#form-problem').textContent(), /changed this record/);
      await screenshot(other, 'registers-stale-edit');
      await visit(page, '/systems/3');
      await page.locator('main dd').getByText('First change', { exact: true }).waitFor();
    } finally {
      await other.context().close();
    }
  });

  it('a refusal that is not about a visible field does not point at marked fields', async () => {
    // "Fix the fields marked below" must come with a marked field; a stale edit and evidence
    // without a file have none to mark.
    const other = await newPage(browser, server.url);
    try {
      await signIn(other, server.accounts['aims-manager']);
      await visit(page, '/systems/4/edit');
      await visit(other, '/systems/4/edit');
      await page.fill('#f-business_unit', 'One');
      await submitAndWait(page, '#save');
      await other.fill('#f-business_unit', 'Two');
      await submitAndWait(other, '#save');
      const text = (await other.locator('#form-problem').textContent()).trim();
      const marked = await other.locator('.field.invalid').count();
      const failures = [];
      if (/Fix the fields marked below/.test(text) && marked === 0) failures.push(`stale edit: "${text}" but no field is marked`);

      await visit(page, '/evidence/new');
      await page.fill('#f-title', 'Evidence without a file');
      const res = await submitAndWait(page, '#save');
      assert.equal(res.status(), 422);
      const text2 = (await page.locator('#form-problem').textContent()).trim();
      const marked2 = await page.locator('.field.invalid, #upload.invalid, [aria-invalid=true]').count();
      await screenshot(page, 'registers-evidence-without-file');
      if (/Fix the fields marked below/.test(text2) && marked2 === 0) {
        failures.push(`evidence without a file: "${text2}" but no field (nor the drop zone) is marked`);
      }
      assert.deepEqual(failures, [], failures.join('\n'));
    } finally {
      await other.context().close();
    }
  });

  it('the evidence form keeps an uploaded file across a refused save', async () => {
    await visit(page, '/evidence/new');
    await page.setInputFiles('#evidence-file', {
      name: 'kept.txt', mimeType: 'text/plain', buffer: Buffer.from('kept across a refused save\n'),
    });
    await page.waitForFunction(() => /^Uploaded /.test(document.getElementById('upload-status').textContent));
    const sha = await page.locator('#f-sha256').inputValue();
    assert.match(sha, /^[0-9a-f]{64}$/);
    await page.fill('#f-title', ''); // refused: the title is required
    let res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 422);
    await page.locator('#f-title-error').waitFor();
    await screenshot(page, 'registers-evidence-refused-after-upload');
    assert.equal(await page.locator('#f-sha256').inputValue(), sha,
      'the uploaded file (its SHA-256) is still part of the form after the refusal');
    assert.equal(await page.locator('#f-file_name').inputValue(), 'kept.txt');
    await page.fill('#f-title', 'Kept upload');
    res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200, 'saving once the title is given');
    assert.match(new URL(page.url()).pathname, /^\/evidence\/\d+$/);
  });

  it('retires a record', async () => {
    await visit(page, '/systems');
    const summary = (await page.locator('#results p.muted').textContent()).trim();
    const count = Number(summary.match(/\d+/)[0]);
    await visit(page, '/systems/5');
    const res = await submitAndWait(page, 'main form button:text-is("Retire")');
    assert.equal(res.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/systems/5');
    await page.locator('.crumbs .badge', { hasText: 'retired' }).waitFor();
    assert.equal(await page.locator('main form button:text-is("Retire")').count(), 0);
    await screenshot(page, 'registers-retired');
    await visit(page, '/systems');
    const after = Number((await page.locator('#results p.muted').textContent()).match(/\d+/)[0]);
    assert.equal(after, count - 1, 'the list no longer counts the retired system');
    assert.deepEqual(page.problems, []);
  });
});
