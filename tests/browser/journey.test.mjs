// The acceptance journey: sign in, register an AI system, add a 5 x 5 risk for it and see the heat
// map change, mark a control applicable in the SoA, upload evidence and download it back, see it
// all in the ledger and verify the ledger, sign out.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  startServer, launchBrowser, newPage, signIn, visit, heading, submitAndWait, screenshot, idFromUrl,
} from './support.mjs';

let server;
let browser;
let page;
let step = 0;
let failed = false;
const shot = (name) => screenshot(page, `journey-${String(++step).padStart(2, '0')}-${name}`);

// The steps share one session and build on each other: once one fails, the rest are skipped.
function journeyStep(name, fn) {
  it(name, async (t) => {
    if (failed) { t.skip('an earlier step failed'); return; }
    try {
      await fn(t);
    } catch (e) {
      failed = true;
      if (page) await screenshot(page, `journey-FAILED-${name}`).catch(() => {});
      throw e;
    }
  });
}

async function heatCell(cell) {
  const a = page.locator(`svg#heatmap a[data-cell="${cell}"]`);
  return Number(await a.getAttribute('data-count'));
}
async function heatTotal() {
  return Number(await page.locator('svg#heatmap').getAttribute('data-total'));
}

const stamp = Date.now().toString(36);
const systemName = `Journey loan pricing ${stamp}`;
const riskTitle = `Journey pricing bias ${stamp}`;
const evidenceTitle = `Journey event log sample ${stamp}`;
const justification = `Journey: events of ${systemName} are logged and kept for 6 months.`;
const state = {};

describe('journey: sign in to sign out', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  journeyStep('sign in', async () => {
    await visit(page, '/login');
    await shot('login');
    await page.fill('#email', server.accounts['aims-manager'].email);
    await page.fill('#password', server.accounts['aims-manager'].password);
    const res = await submitAndWait(page, '#login-form button[type=submit]');
    assert.equal(res.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    await page.locator('#sign-out').waitFor();
    assert.equal(await heading(page), 'Dashboard');
    state.cell55 = await heatCell('5-5');
    state.total = await heatTotal();
    assert.ok(Number.isInteger(state.cell55) && Number.isInteger(state.total));
    await shot('dashboard-before');

    await visit(page, '/ledger');
    state.ledgerSize = Number((await page.locator('#ledger-size').textContent()).trim());
    assert.ok(state.ledgerSize > 0);
  });

  journeyStep('register an AI system', async () => {
    await visit(page, '/systems');
    await Promise.all([page.waitForURL('**/systems/new'), page.click('a#new-record')]);
    await page.locator('#record-form').waitFor();
    await page.fill('#f-name', systemName);
    await page.fill('#f-purpose', 'Prices consumer loans from the applicant\'s risk profile.');
    await page.selectOption('#f-ai_act_tier', 'high');
    await shot('system-form');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200);
    assert.match(new URL(page.url()).pathname, /^\/systems\/\d+$/);
    state.systemId = idFromUrl(page);
    assert.equal(await heading(page), systemName);
    await page.locator('#edit-record').waitFor();
    await page.getByRole('heading', { name: 'Ledger history' }).waitFor();
    await shot('system-detail');

    await visit(page, '/systems');
    await page.getByRole('cell', { name: systemName, exact: true }).waitFor();
  });

  journeyStep('add a 5 x 5 risk for it and see the heat map change', async () => {
    await visit(page, '/risks/new');
    await page.fill('#f-title', riskTitle);
    await page.fill('#f-likelihood', '5');
    await page.fill('#f-impact', '5');
    await page.selectOption('#f-systems', String(state.systemId));
    await shot('risk-form');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200);
    assert.match(new URL(page.url()).pathname, /^\/risks\/\d+$/);
    state.riskId = idFromUrl(page);
    assert.equal(await heading(page), riskTitle);
    // The risk links to the system.
    await page.locator(`main a[href="/systems/${state.systemId}"]`).first().waitFor();
    await shot('risk-detail');

    await visit(page, '/');
    assert.equal(await heatCell('5-5'), state.cell55 + 1, 'heat map cell 5-5 counts the new risk');
    assert.equal(await heatTotal(), state.total + 1, 'heat map total counts the new risk');
    await shot('dashboard-after');

    // The cell links to the risks it counts.
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/risks' && u.searchParams.get('likelihood') === '5'
        && u.searchParams.get('impact') === '5'),
      page.click('svg#heatmap a[data-cell="5-5"]'),
    ]);
    await page.locator(`#results a[href="/risks/${state.riskId}"]`).waitFor();
    await page.getByRole('cell', { name: riskTitle, exact: true }).waitFor();
    await shot('risks-5-5');
  });

  journeyStep('mark a control applicable in the SoA', async () => {
    await visit(page, '/soa');
    // A row that is not yet applicable, so the change is visible; else A.6.2.8.
    const rows = page.locator('tr[id^="soa-"]:has(select[id^="soa-app-"])');
    const count = await rows.count();
    assert.ok(count > 0, 'the SoA has editable rows');
    let rowId = 'A-6-2-8';
    for (let i = 0; i < count; i++) {
      const value = await rows.nth(i).locator('select').inputValue();
      if (value !== 'yes') {
        rowId = (await rows.nth(i).getAttribute('id')).slice('soa-'.length);
        break;
      }
    }
    const row = page.locator(`tr#soa-${rowId}`);
    const controlId = (await row.locator('th[scope=row]').textContent()).trim();
    state.soaRow = rowId;
    await page.selectOption(`#soa-app-${rowId}`, 'yes');
    await page.fill(`#soa-just-${rowId}`, justification);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/soa/')),
      page.click(`button[aria-label="Save ${controlId}"]`),
    ]);
    assert.equal(res.status(), 200, `saving the SoA row: ${await res.text()}`);
    await page.locator(`tr#soa-${rowId} p.ok`).waitFor();
    assert.equal((await page.locator(`tr#soa-${rowId} p.ok`).textContent()).trim(), 'Saved.');
    assert.equal(await page.locator(`tr#soa-${rowId} p.error`).count(), 0);
    await shot('soa-saved');

    await page.reload();
    await page.locator(`#soa-app-${rowId}`).waitFor();
    assert.equal(await page.locator(`#soa-app-${rowId}`).inputValue(), 'yes');
    assert.equal(await page.locator(`#soa-just-${rowId}`).inputValue(), justification);
    await page.locator(`#soa-app-${rowId}`).scrollIntoViewIfNeeded();
    await shot('soa-reloaded');
  });

  journeyStep('upload evidence and download it', async () => {
    const content = `timestamp,event\n2026-01-05T10:00:00Z,decision logged for ${systemName}\n`;
    const bytes = Buffer.from(content, 'utf8');
    const file = path.join(server.dir, `event-log-${stamp}.csv`);
    await fs.writeFile(file, bytes);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');

    await visit(page, '/evidence/new');
    await page.locator('#dropzone').waitFor();
    const [upload] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/evidence/files'),
      page.setInputFiles('#evidence-file', file),
    ]);
    assert.ok(upload.ok(), `upload answered ${upload.status()}`);
    await page.waitForFunction(() => /^Uploaded /.test(document.getElementById('upload-status').textContent));
    assert.equal(await page.locator('#f-sha256').inputValue(), sha);
    await page.fill('#f-title', evidenceTitle);
    await shot('evidence-form');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200);
    assert.match(new URL(page.url()).pathname, /^\/evidence\/\d+$/);
    state.evidenceId = idFromUrl(page);
    assert.equal(await heading(page), evidenceTitle);
    await page.locator('main dd').getByText(sha, { exact: true }).waitFor();
    await page.locator('main dd').getByText(path.basename(file), { exact: true }).waitFor();
    await shot('evidence-detail');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a#download')]);
    assert.equal(download.suggestedFilename(), path.basename(file));
    const saved = path.join(server.dir, 'downloaded');
    await download.saveAs(saved);
    assert.deepEqual(await fs.readFile(saved), bytes, 'the downloaded file has the uploaded bytes');
  });

  journeyStep('see the changes in the ledger and verify it', async () => {
    await visit(page, '/ledger');
    const size = Number((await page.locator('#ledger-size').textContent()).trim());
    // A system, a risk, an SoA entry and an evidence record at least.
    assert.ok(size >= state.ledgerSize + 4, `ledger grew from ${state.ledgerSize} to ${size}`);
    const entries = page.locator('#ledger-entries');
    for (const href of [`/systems/${state.systemId}`, `/risks/${state.riskId}`, `/evidence/${state.evidenceId}`]) {
      await entries.locator(`a[href="${href}"]`).first().waitFor();
    }
    const actors = await entries.locator('tbody tr td:nth-child(3)').allTextContents();
    const ours = actors.slice(0, size - state.ledgerSize);
    assert.ok(ours.every((a) => a.includes(server.accounts['aims-manager'].email)),
      `the new entries name who made them: ${ours.join(', ')}`);
    await shot('ledger');
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/ledger/verify'),
      page.click('#verify-button'),
    ]);
    assert.equal(res.status(), 200);
    await page.locator('#verify-ok').waitFor();
    assert.match(await page.locator('#verify-ok').textContent(), /^Verified: \d+ entries/);
    assert.equal(await page.locator('#verify-failed').count(), 0);
    await shot('ledger-verified');
  });

  journeyStep('sign out; protected pages send to sign-in', async () => {
    await submitAndWait(page, '#sign-out');
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.locator('#login-form').waitFor();
    await shot('signed-out');
    await page.goto('/systems');
    const url = new URL(page.url());
    assert.equal(url.pathname, '/login');
    assert.equal(url.searchParams.get('next'), '/systems');
    assert.equal(await page.locator('#sign-out').count(), 0);
    assert.deepEqual(page.problems, [], 'no script errors');
  });
});
