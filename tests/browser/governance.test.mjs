// The "Oversee" governance acceptance test: the governance page shows the demo's policies with
// their state (in force, review overdue, draft), the RACI matrix by business unit with one
// accountable person per activity, and its gaps (activities no one is accountable for, a
// validator who left while still accountable); an approver records the overdue review of a
// policy she does not own, but cannot approve her own draft; the AIMS manager closes a gap by
// adding an activity through the form, and a second row for the same activity is refused with
// the field named and nothing written.

import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  visit, heading, submitAndWait, Story, ledgerSize,
} from './support.mjs';

const story = new Story('governance');
const { as, shot } = story;
const step = story.step;
let server;

async function policyRow(page, title) {
  return (await page.locator('#policy-table tr', { hasText: title }).textContent()).replace(/\s+/g, ' ');
}

describe('oversee: policies and accountability', () => {
  before(async () => {
    server = await story.start();
  });
  after(story.stop);

  step('the governance page shows policies, the RACI matrix and its gaps', async () => {
    const page = await as('aims-manager');
    await visit(page, '/governance');
    assert.match(await heading(page), /Governance/);
    assert.match(await policyRow(page, 'Northbridge AI policy'), /1\.2.*in force.*2027-02-19/);
    assert.match(await policyRow(page, 'Human oversight standard'), /review overdue/);
    assert.match(await policyRow(page, 'Acceptable use of generative AI'), /draft/);
    const matrix = page.locator('#raci-matrix');
    assert.match(await matrix.locator('thead').textContent(), /Data science.*Legal/s);
    const row = matrix.locator('tbody tr', { hasText: 'AI risk assessment' });
    assert.equal(await row.locator('td.accountable').count(), 1, 'exactly one accountable person');
    const gaps = await page.locator('#raci-gaps').textContent();
    assert.match(gaps, /no one is accountable for "Internal audit" \(iso42001:9\.2\)/);
    assert.match(gaps, /Daniel Ortiz has left but is accountable for RACI-\d+ "Verification and validation"/);
    assert.match(await page.locator('#raci-matrix thead th.left').textContent(), /Daniel Ortiz/);
    await shot(page, 'governance');
  });

  step('an approver records the overdue review of a policy she does not own', async () => {
    const page = await as('approver');  // Sofia Rossi, legal
    await visit(page, '/governance');
    await page.locator('#policy-table tr', { hasText: 'Human oversight standard' }).locator('a').click();
    await page.waitForURL(/\/policies\/\d+$/);
    assert.equal(await heading(page), 'Human oversight standard');
    assert.match(await page.locator('#policy-review').textContent(), /review overdue/);
    const before = await ledgerSize(server);
    const res = await submitAndWait(page, '#policy-approve');
    assert.equal(res.status(), 200);
    assert.equal(await ledgerSize(server), before + 1);
    assert.doesNotMatch(await page.locator('#policy-review').textContent(), /overdue/);
    assert.match(await page.locator('#policy-state').textContent(), /approved by Sofia Rossi/);
    await shot(page, 'reviewed');
  });

  step('the owner of a draft cannot approve it', async () => {
    const page = await as('approver');
    await visit(page, '/policies');
    await page.locator('tr', { hasText: 'Acceptable use of generative AI' }).locator('a').first().click();
    await page.waitForURL(/\/policies\/\d+$/);
    assert.match(await page.locator('#policy-state').textContent(), /draft/);
    assert.equal(await page.locator('#policy-approve').count(), 0);
    await page.locator('#policy-owner-note').waitFor();
  });

  step('an objective shows its trend chart, and a recorded value joins it', async () => {
    const page = await as('aims-manager');
    await visit(page, '/governance');
    const row = page.locator('#objective-table tr', { hasText: 'Human review of declined applications' });
    assert.match(await row.textContent(), /at least 100 %.*96.*not met/s);
    await row.locator('a').click();
    await page.waitForURL(/\/objectives\/\d+$/);
    const href = new URL(page.url()).pathname;
    const chart = page.locator('#objective-panel svg[role=img]');
    assert.match(await chart.locator('desc').textContent(), /4 measurements from 2026-07-31 to 2026-10-31: 100 to 96\. Target: at least 100 %\./);
    assert.equal(await chart.locator('circle').count(), 4);
    assert.match(await page.locator('#objective-state').textContent(), /moving away from the target/);
    await shot(page, 'objective-chart');
    const before = await ledgerSize(server);
    await page.fill('#record-value', 'ninety');
    let res = await submitAndWait(page, '#record-submit');
    assert.equal(res.status(), 422);
    assert.match(await page.locator('main').textContent(), /"ninety" is not a number/);
    assert.equal(await ledgerSize(server), before, 'nothing was written');
    await visit(page, href);
    await page.fill('#record-value', '100');
    await page.fill('#record-on', '2026-11-27');
    res = await submitAndWait(page, '#record-submit');
    assert.equal(res.status(), 200);
    assert.equal(await page.locator('#objective-panel svg circle').count(), 5);
    assert.match(await page.locator('#objective-latest').textContent(), /100/);
    assert.match(await page.locator('#objective-state').textContent(), /met/);
  });

  step('the AIMS manager closes a gap through the form; a second row for it is refused', async () => {
    const page = await as('aims-manager');
    await visit(page, '/responsibilities/new');
    await page.fill('#f-activity', 'Internal audit');
    await page.selectOption('#f-accountable', { label: 'Tom Becker' });
    let res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200);
    assert.match(page.url(), /\/responsibilities\/\d+$/);
    await visit(page, '/governance');
    assert.doesNotMatch(await page.locator('#raci-gaps').textContent(), /"Internal audit"/);
    const row = page.locator('#raci-matrix tbody tr', { hasText: 'Internal audit' });
    assert.equal((await row.locator('td.accountable').textContent()).trim(), 'A');

    const before = await ledgerSize(server);
    await visit(page, '/responsibilities/new');
    await page.fill('#f-activity', 'internal audit');
    await page.selectOption('#f-accountable', { label: 'Amira Haddad' });
    res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 409);
    await page.locator('#f-activity-error').waitFor();
    assert.match(await page.locator('#f-activity-error').textContent(), /already has its accountable person in RACI-\d+/);
    assert.equal(await ledgerSize(server), before, 'nothing was written');
    await shot(page, 'duplicate-refused');
  });

  step('oversight and competence: who may stop each system, and who lacks a course', async () => {
    const page = await as('aims-manager');
    await visit(page, '/governance');
    await page.click('#competence-link');
    await page.waitForURL(/\/competence$/);
    assert.equal(await heading(page), 'Human oversight and competence');
    const systemRow = async (name) => (await page.locator('#oversight-table tbody tr', { hasText: name }).textContent())
      .replace(/\s+/g, ' ');
    // The credit assistant's overseers are present and trained (Lukas renewed his course).
    assert.match(await systemRow('Credit decisioning assistant'), /Priya Nair \(stop, override\).*named and trained/);
    // The CV screener's only overseer never took the courses; the support assistant's has expired.
    assert.match(await systemRow('CV screening and ranking'),
      /Elena Petrova \(PER-\d+\): AI literacy for all staff \(CRS-\d+\) not completed/);
    assert.match(await systemRow('Customer support assistant'), /Marco Silva.*Overseeing automated decisions.*expired on 2025-11-04/);
    // The register: the expired course is flagged against the person, with why it is required.
    const marco = page.locator('#competence-table tbody tr', { hasText: 'Overseeing automated decisions' })
      .filter({ hasText: 'expired' });
    assert.match((await marco.first().textContent()).replace(/\s+/g, ' '), /overseer of SYS-\d+ \(stop\).*expired/);
    await shot(page, 'competence');

    // Elena completes both courses today: the CV screener's overseers become trained.
    const today = new Date().toISOString().slice(0, 10);
    for (const course of ['AI literacy for all staff', 'Overseeing automated decisions']) {
      await visit(page, '/trainings/new');
      await page.selectOption('#f-person', { label: 'Elena Petrova' });
      await page.selectOption('#f-course', { label: course });
      await page.fill('#f-completed_on', today);
      const res = await submitAndWait(page, '#save');
      assert.equal(res.status(), 200);
    }
    await visit(page, '/competence');
    assert.match(await systemRow('CV screening and ranking'), /named and trained/);
    // The system's own page says the same in its oversight panel.
    await page.locator('#oversight-table a', { hasText: 'CV screening and ranking' }).first().click();
    await page.locator('#oversight-panel').waitFor();
    assert.match(await page.locator('#oversight-state').textContent(), /named and trained/);
    assert.match(await page.locator('#overseers').textContent(), /Elena Petrova: stop, override/);
  });
});
