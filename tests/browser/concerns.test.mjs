// The "Concerns" acceptance test (ISO/IEC 42001 A.3.3): an anonymous reporter files a concern in a
// fresh browser context with no cookies and keeps the receipt code; a handler links it to the AI
// system it is about, hides it from that system's owner and replies; the reporter reads the reply
// with the receipt code and adds information. The system's owner, though a handler, cannot open
// it; a system owner without the handler permission sees no reports at all. A forged code, an
// oversized report and a flood are refused, and the refusals write nothing.

import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  visit, submitAndWait, aimsCli, Story, ledgerSize,
} from './support.mjs';

const story = new Story('concerns');
const { as, shot } = story;
const concernStep = story.step;
let server;


const stamp = Date.now().toString(36);
const systemName = `Branch chat assistant ${stamp}`;
const report = `The chat assistant told me my loan was refused because of my postcode (${stamp}).`;
const state = {};

describe('concerns: anonymous report, handler reply, receipt code', () => {
  before(async () => {
    server = await story.start();
    // A system owned by the AIMS manager, who handles concerns too.
    await aimsCli(server, ['system', 'add', '--name', systemName, '--purpose', 'Answers branch customers',
      '--owner', 'amira.haddad@northbridge.example']);
  });
  after(story.stop);

  concernStep('an anonymous reporter files a concern without an account and gets a receipt code', async () => {
    const page = await story.anonymous('reporter'); // a fresh context: no cookies
    assert.deepEqual(await page.context().cookies(), []);
    await visit(page, '/login');
    await page.click('#raise-concern');
    await page.locator('#concern-form').waitFor();
    assert.equal(new URL(page.url()).pathname, '/concerns/new', 'no sign-in asked for');
    await page.selectOption('#c-category', 'unfair_treatment');
    await page.fill('#c-system', 'the chat on the website');
    await page.fill('#c-body', report);
    state.before = await ledgerSize(server);
    const res = await submitAndWait(page, '#concern-submit');
    assert.equal(res.status(), 201);
    state.code = (await page.locator('#receipt-code').textContent()).trim();
    assert.match(state.code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    assert.equal(await ledgerSize(server), state.before + 1, 'one ledger entry for the report');
    assert.deepEqual(await page.context().cookies(), [], 'no cookie was set');
    await shot(page, 'receipt');
  });

  concernStep('a handler links it to the system, hides it from the owner and replies', async () => {
    const page = await as('admin');
    await visit(page, '/concerns');
    const row = page.locator('#concerns tbody tr', { hasText: 'the chat on the website' });
    await row.locator('a').first().click();
    await page.locator('#handle-form').waitFor();
    state.href = new URL(page.url()).pathname;
    assert.match(await page.locator('#concern-thread').textContent(), new RegExp(stamp));
    const option = page.locator('#h-system option', { hasText: systemName });
    await page.selectOption('#h-system', await option.getAttribute('value'));
    await page.check('#h-hide');
    await page.selectOption('#h-status', 'answered');
    await page.fill('#h-reply', 'Thank you. We are checking how the assistant explains refusals.');
    const res = await submitAndWait(page, '#handle-submit');
    assert.equal(res.status(), 200);
    await page.locator('#hidden-badge').waitFor();
    assert.equal((await page.locator('#concern-status').textContent()).trim(), 'answered');
    await shot(page, 'handled');
  });

  concernStep('the reporter reads the reply with the receipt code and adds information', async () => {
    const page = story.pages.reporter;
    await visit(page, '/concerns/receipt');
    await page.fill('#r-code', state.code.toLowerCase().replaceAll('-', ' ')); // as typed by hand
    const res = await submitAndWait(page, '#receipt-open');
    assert.equal(res.status(), 200);
    const thread = await page.locator('#concern-thread').textContent();
    assert.match(thread, new RegExp(stamp));
    assert.match(thread, /We are checking how the assistant explains refusals/);
    await page.fill('#r-body', 'It happened on 2 November, around noon.');
    const added = await submitAndWait(page, '#add-info');
    assert.equal(added.status(), 200);
    assert.match(await page.locator('#concern-thread').textContent(), /2 November/);
    assert.equal((await page.locator('#concern-status').textContent()).trim(), 'in review');
    assert.deepEqual(await page.context().cookies(), []);
    await shot(page, 'reply-read');
  });

  concernStep('the system owner cannot see it; a system owner without the handler role sees no reports', async () => {
    const owner = await as('aims-manager'); // owns the system, and handles concerns
    await visit(owner, '/concerns');
    assert.equal(await owner.locator('#concerns tbody tr', { hasText: 'the chat on the website' }).count(), 0,
      'hidden from the owner in the list');
    const direct = await owner.request.get(state.href, { maxRedirects: 0 });
    assert.equal(direct.status(), 403);
    assert.match(await direct.text(), /hidden from the owner of the AI system/);
    const other = await as('system-owner');
    const list = await other.request.get('/concerns', { maxRedirects: 0 });
    assert.equal(list.status(), 403);
    assert.equal((await other.request.get(state.href, { maxRedirects: 0 })).status(), 403);
    assert.equal(await other.locator('nav a[href="/concerns"]').count(), 0);
  });

  concernStep('a forged code, an oversized report and a flood are refused, writing nothing', async () => {
    const page = story.pages.reporter;
    const before = await ledgerSize(server);
    await visit(page, '/concerns/receipt');
    const forged = state.code.slice(0, -1) + (state.code.endsWith('0') ? '1' : '0');
    await page.fill('#r-code', forged);
    const res = await submitAndWait(page, '#receipt-open');
    assert.equal(res.status(), 404);
    assert.match(await page.locator('#receipt-error').textContent(), /no report has this receipt code/);
    assert.equal(await page.locator('#concern-thread').count(), 0);

    const big = await page.request.post('/concerns/new', {
      form: { category: 'other', body: 'x'.repeat(10001) }, maxRedirects: 0,
    });
    assert.equal(big.status(), 422);
    assert.match(await big.text(), /10001 characters long; the limit is 10000/);
    assert.equal(await ledgerSize(server), before, 'nothing written');

    // Five reports per client in ten minutes: this client has filed one; four more pass.
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const r = await page.request.post('/concerns/new', { form: { category: 'other', body: `flood ${i}` }, maxRedirects: 0 });
      statuses.push(r.status());
    }
    assert.deepEqual(statuses, [201, 201, 201, 201, 429]);
    assert.equal(await ledgerSize(server), before + 4, 'the refused one wrote nothing');
    assert.match(await aimsCli(server, ['ledger', 'verify']), /ledger verified/);
  });
});
