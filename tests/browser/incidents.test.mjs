// The "Oversee" incident acceptance test: the dashboard shows the demo's running EU reporting
// clock; the system owner records a serious incident through the form, with its time of
// awareness typed in the organisation's time zone (Europe/Dublin); the incident page shows the
// clock, overdue in red, with its deadline counted from the local day of awareness; a serious
// incident without that time is refused with the field named and nothing written; the timeline
// and communications grow through the panel; feeding the risk register raises a linked risk;
// the dashboard flags the overdue clock; and the ledger holds each step in order.

import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  visit, heading, submitAndWait, Story, ledgerSize, aimsCli,
} from './support.mjs';

const story = new Story('incidents');
const { as, shot } = story;
const step = story.step;
let server;

const stamp = Date.now().toString(36);
const title = `Scores leaked into a marketing list ${stamp}`;
const state = {};

// The text of the detail page's cell for `field` (its value, and its flag if any).
async function cell(page, field) {
  return (await page.locator(`[data-field="${field}"]`).first().textContent()).replace(/\s+/g, ' ').trim();
}

describe('oversee: incidents and the EU reporting clock', () => {
  before(async () => {
    server = await story.start();
  });
  after(story.stop);

  step('the dashboard shows the running reporting clock of the demo\'s serious incident', async () => {
    const page = await as('aims-manager');
    await visit(page, '/');
    const clocks = page.locator('#incident-clocks');
    await clocks.waitFor();
    const text = await clocks.textContent();
    assert.match(text, /Credit assistant declined applicants on a stale bureau feed/);
    assert.match(text, /left, due by \d{4}-\d\d-\d\d 00:00 (GMT|IST) \(Art\. 73\(2\)\)/);
    assert.doesNotMatch(text, /OVERDUE/);
    await page.locator('nav a[href="/incidents"]').waitFor();
    await clocks.scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-clock-running');
  });

  step('a serious incident without its time of awareness is refused, naming the field, and writes nothing', async () => {
    const page = await as('system-owner');
    await visit(page, '/incidents/new');
    const before = await ledgerSize(server);
    await page.fill('#f-title', title);
    await page.selectOption('#f-serious_incident', 'general');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 422);
    await page.locator('#f-aware_at-error').waitFor();
    assert.match(await page.locator('#f-aware_at-error').textContent(), /reporting clock starts there/);
    assert.equal(await ledgerSize(server), before, 'nothing was written');
    await shot(page, 'refused-without-awareness');
  });

  step('the owner records it with the time typed in Dublin time; the page shows the clock overdue in red', async () => {
    const page = await as('system-owner');
    // The form kept what was typed; add the awareness time (Irish summer time, UTC+1).
    assert.equal(await page.inputValue('#f-title'), title);
    assert.equal(await page.getAttribute('#f-aware_at', 'type'), 'datetime-local');
    assert.match(await page.locator('#f-aware_at-help').textContent(), /time in Europe\/Dublin/);
    await page.fill('#f-aware_at', '2026-10-01T09:30');
    await page.fill('#f-occurred_at', '2026-09-30T22:15');
    await page.selectOption('#f-severity', 'high');
    await page.fill('#f-description', 'A scoring export was joined to a marketing list and mailed.');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200);
    assert.match(page.url(), /\/incidents\/\d+$/);
    state.href = new URL(page.url()).pathname;
    state.id = `INC-${state.href.split('/').pop()}`;
    assert.equal(await heading(page), title);
    assert.match(await cell(page, 'aware_at'), /2026-10-01 09:30 IST/);
    assert.match(await cell(page, 'aware_at'), /report OVERDUE/);
    const clock = page.locator('#reporting-clock');
    assert.equal(await clock.getAttribute('data-overdue'), 'true');
    assert.match(await clock.getAttribute('class'), /alert/);
    assert.match(await clock.textContent(), /report within 15 days, Art\. 73\(2\)/);
    // Aware on 1 October (Dublin): 15 days end with 16 October; due at midnight Dublin time.
    assert.equal((await page.locator('#clock-deadline').textContent()).trim(), '2026-10-17 00:00 IST');
    assert.match(await page.locator('#clock-state').textContent(), /overdue by \d+ days/);
    // Stored as the instant: 09:30 IST is 08:30 UTC.
    const shown = await aimsCli(server, ['--json', 'incident', 'show', state.id]);
    assert.match(shown, /"aware_at": "2026-10-01T08:30:00.000000Z"/);
    await page.locator('#incident-panel').scrollIntoViewIfNeeded();
    await shot(page, 'clock-overdue');
  });

  step('the timeline and the communications log grow through the panel', async () => {
    const page = await as('system-owner');
    await page.click('#timeline-h');
    await page.fill('#timeline-at', '2026-10-01T10:00');
    await page.fill('#timeline-what', 'marketing list recalled');
    let res = await submitAndWait(page, '#timeline-submit');
    assert.equal(res.status(), 200);
    await page.click('#communicate-h');
    await page.fill('#communicate-to', 'affected applicants');
    await page.fill('#communicate-channel', 'letter');
    await page.fill('#communicate-what', 'apology and what we changed');
    res = await submitAndWait(page, '#communicate-submit');
    assert.equal(res.status(), 200);
    assert.match(await cell(page, 'timeline'), /2026-10-01T09:00:00Z: marketing list recalled/);
    assert.match(await cell(page, 'communications'), /: affected applicants \(letter\): apology and what we changed/);
  });

  step('feeding the risk register raises a risk linked to the incident, in one ledger step', async () => {
    const page = await as('system-owner');
    const before = await ledgerSize(server);
    await page.click('#feed-risk-h');
    await page.selectOption('#feed-risk-likelihood', '3');
    await page.selectOption('#feed-risk-impact', '4');
    await page.fill('#feed-risk-title', `Scores reach marketing ${stamp}`);
    const res = await submitAndWait(page, '#feed-risk-submit');
    assert.equal(res.status(), 200);
    assert.equal(await ledgerSize(server), before + 2, 'the risk and the incident, together');
    assert.match(await cell(page, 'timeline'), /risk register: raised RISK-\d+/);
    const link = page.locator('[data-field="risks"] a').first();
    assert.match(await link.textContent(), new RegExp(`Scores reach marketing ${stamp}`));
    await link.click();
    await page.waitForURL(/\/risks\/\d+$/);
    assert.match(await cell(page, 'source'), new RegExp(`incident ${state.id}`));
    assert.match(await cell(page, 'likelihood'), /3/);
    await shot(page, 'risk-from-incident');
  });

  step('the dashboard flags the overdue clock, and the incident list says so', async () => {
    const page = await as('aims-manager');
    await visit(page, '/');
    const clocks = page.locator('#incident-clocks');
    assert.match(await clocks.getAttribute('class'), /alert/);
    const item = clocks.locator('li.overdue', { hasText: title });
    assert.match(await item.textContent(), /OVERDUE: overdue by \d+ days/);
    await visit(page, '/incidents');
    const row = page.locator('tr', { hasText: title });
    assert.match(await row.textContent(), /report OVERDUE/);
    await shot(page, 'incident-list');
  });
});
