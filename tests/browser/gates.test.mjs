// The "Oversee" gate acceptance test: a high-risk AI system cannot reach deployment until its
// checklist is met; its page lists what is missing, by name; a hand-made request is refused and
// writes nothing. Once the register holds what the checklist asks for, the system owner asks for
// the move; she cannot approve it herself; two approvers other than her approve (the first alone
// does not open the gate); the gate opens, the system is in deployment, and the ledger shows the
// request, both approvals and the move, in that order. The facts behind the checklist (risk,
// evidence, impact assessment, classification) are entered with the CLI on the server's data
// directory, as an operator would; every gate step goes through the pages.

import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  visit, heading, submitAndWait, aimsCli, Story, postForm, ledgerSize,
} from './support.mjs';

const story = new Story('gates');
const { as, shot } = story;
const gateStep = story.step;
let server;

// The checks the system page lists as missing before the next stage, by name.
async function missing(page) {
  if (await page.locator('#gate-missing').count() === 0) return [];
  return page.locator('#gate-missing li').evaluateAll((items) => items.map((li) => li.dataset.check));
}


const stamp = Date.now().toString(36);
const systemName = `Loan pricing model ${stamp}`;
const state = {};

describe('oversee: a high-risk deployment gate', () => {
  before(async () => {
    server = await story.start();
    // A high-risk system owned by the system owner (Priya Nair), ready for verification and
    // validation: owner, intended use and human oversight set, nothing else yet.
    const out = await aimsCli(server, ['system', 'add', '--name', systemName, '--purpose', 'Prices personal loans',
      '--intended-use', 'Loan officers see a suggested rate and decide', '--owner', 'priya.nair@northbridge.example',
      '--ai-act-tier', 'high', '--ai-act-role', 'deployer', '--human-oversight', 'human_in_the_loop',
      '--lifecycle-stage', 'verification_validation']);
    state.sys = out.match(/added (SYS-\d+)/)[1];
    state.systemHref = `/systems/${state.sys.slice(4)}`;
  });
  after(story.stop);

  gateStep('the system page lists what is missing before deployment, by name', async () => {
    const page = await as('system-owner');
    await visit(page, state.systemHref);
    assert.equal(await heading(page), systemName);
    await page.locator('#lifecycle-gate').waitFor();
    assert.equal((await page.locator('#current-stage').textContent()).trim(), 'Verification validation');
    assert.match(await page.locator('#next-gate-h').textContent(), /Deployment/);
    const unmet = await missing(page);
    for (const check of ['risks_assessed', 'impact_assessment_approved', 'overseers_trained', 'verification_evidence',
      'technical_documentation', 'event_logging', 'conformity_assessment_planned']) {
      assert.ok(unmet.includes(check), `${check} is listed as missing: ${unmet.join(', ')}`);
    }
    assert.ok(!unmet.includes('owner') && !unmet.includes('human_oversight_defined'), `met checks are not missing: ${unmet}`);
    assert.match(await page.locator('#gate-missing').textContent(), /an approved AI system impact assessment/);
    assert.match(await page.locator('#lifecycle-gate').textContent(), /Needs 2 approver/);
    assert.equal(await page.locator('#request-advance').count(), 0, 'no request button while the checklist is unmet');
    await page.locator('#lifecycle-gate').scrollIntoViewIfNeeded();
    await shot(page, 'missing-before-deployment');
  });

  gateStep('a hand-made request is refused, naming the missing checks, and writes nothing', async () => {
    const page = await as('system-owner');
    const before = await ledgerSize(server);
    const res = await postForm(page, `${state.systemHref}/advance`, { to: 'deployment' });
    assert.equal(res.status(), 409);
    const body = await res.text();
    assert.match(body, /cannot move to deployment/);
    assert.match(body, /event logging in place \(event_logging\)/);
    // Skipping a stage is refused too.
    const skip = await postForm(page, `${state.systemHref}/advance`, { to: 'operation' });
    assert.equal(skip.status(), 409);
    assert.match(await skip.text(), /stages cannot be skipped/);
    assert.equal(await ledgerSize(server), before, 'the refusals wrote nothing');
  });

  gateStep('as the register fills in, the checklist shrinks', async () => {
    // A risk of the system treated by the Annex A controls for V&V and documentation, with its
    // residual level within the appetite.
    const risk = await aimsCli(server, ['risk', 'add', '--title', `Rates unfair to younger applicants ${stamp}`, '--likelihood', '3',
      '--impact', '3', '--residual-likelihood', '1', '--residual-impact', '1', '--status', 'treating',
      '--owner', 'priya.nair@northbridge.example', '--systems', state.sys, '--controls', 'A.6.2.4,A.6.2.7']);
    state.risk = risk.match(/added (RISK-\d+)/)[1];
    const files = path.join(server.dir, 'evidence');
    await fs.mkdir(files, { recursive: true });
    for (const [name, control] of [['validation-report.md', 'A.6.2.4'], ['technical-file.md', 'A.6.2.7']]) {
      const file = path.join(files, name);
      await fs.writeFile(file, `# ${name} for ${systemName}\n`);
      await aimsCli(server, ['evidence', 'add', file, '--control', control]);
    }
    const page = await as('system-owner');
    await visit(page, state.systemHref);
    const unmet = await missing(page);
    assert.deepEqual(unmet.sort(),
      ['conformity_assessment_planned', 'event_logging', 'impact_assessment_approved', 'overseers_trained'].sort(),
      `left: ${unmet}`);
    await shot(page, 'four-missing');
  });

  gateStep('with logging in place, an approved impact assessment and a classification, the gate can be asked for', async () => {
    await aimsCli(server, ['risk', 'update', state.risk, '--controls', 'A.6.2.4,A.6.2.7,A.6.2.8']);
    const file = path.join(server.dir, 'evidence', 'logging.md');
    await fs.writeFile(file, '# Decision logging\n');
    await aimsCli(server, ['evidence', 'add', file, '--control', 'A.6.2.8']);
    const ia = await aimsCli(server, ['impact', 'add', '--system', state.sys, '--intended-uses', 'Suggest a loan rate',
      '--affected-parties', 'loan applicants']);
    const iaId = ia.match(/added (AIIA-\d+)/)[1];
    await aimsCli(server, ['impact', 'approve', iaId, '--approver', 'sofia.rossi@northbridge.example']);
    const answers = path.join(server.dir, 'answers.json');
    await fs.writeFile(answers, JSON.stringify({ role: 'deployer', annex_iii: '5(b)' }));
    await aimsCli(server, ['system', 'classify', state.sys, '--answers', answers]);
    // Human oversight: the owner may stop and override it; she holds the AI-literacy course the
    // demo requires of everyone, and the arrangement asks for no other.
    await aimsCli(server, ['oversight', 'add', '--system', state.sys, '--can-stop', 'priya.nair@northbridge.example',
      '--can-override', 'priya.nair@northbridge.example', '--escalate-to', 'james.okafor@northbridge.example',
      '--stop-procedure', 'Switch the rate suggestion off in the loan platform']);

    const page = await as('system-owner');
    await visit(page, state.systemHref);
    assert.deepEqual(await missing(page), []);
    const items = await page.locator('#gate-checklist li').count();
    assert.equal(await page.locator('#gate-checklist li.met').count(), items, 'every check is met');
    await page.locator('#request-advance').waitFor();
    await page.locator('#lifecycle-gate').scrollIntoViewIfNeeded();
    await shot(page, 'checklist-met');
  });

  gateStep('the owner asks for deployment, and cannot approve her own request', async () => {
    const page = await as('system-owner');
    state.ledgerBefore = await ledgerSize(server);
    await page.fill('#advance-reason', 'Validation signed off');
    const res = await submitAndWait(page, '#request-advance');
    assert.equal(res.status(), 200);
    assert.match(page.url(), /\/gate_requests\/\d+$/);
    state.gateHref = new URL(page.url()).pathname;
    assert.equal((await page.locator('#gate-status').textContent()).trim(), 'pending');
    assert.equal((await page.locator('#gate-approvals').textContent()).trim(), '0 of 2');
    assert.equal(await page.locator('#approve-gate').count(), 0, 'the requester has no approve button');
    const self = await postForm(page, `${state.gateHref}/approve`, { _version: '1' });
    assert.equal(self.status(), 403, 'a system owner cannot approve');
    await shot(page, 'requested');
  });

  gateStep('the first approver approves: one of two, the system has not moved', async () => {
    const page = await as('approver');
    // The request waits in her inbox, reached from the dashboard.
    await visit(page, '/');
    await page.click('#inbox-summary a');
    await page.waitForURL(/\/inbox$/);
    const gateId = `GATE-${state.gateHref.split('/').pop()}`;
    const waiting = page.locator('#inbox-approval a', { hasText: gateId });
    assert.match(await waiting.textContent(), new RegExp(`${gateId}: ${state.sys} to deployment waits for approval \\(0 of 2\\)`));
    await shot(page, 'inbox');
    await waiting.click();
    await page.waitForURL(new RegExp(`${state.gateHref}$`));
    await page.fill('#approve-note', 'Validation report read');
    const res = await submitAndWait(page, '#approve-gate');
    assert.equal(res.status(), 200);
    assert.equal((await page.locator('#gate-status').textContent()).trim(), 'pending');
    assert.equal((await page.locator('#gate-approvals').textContent()).trim(), '1 of 2');
    assert.equal(await page.locator('#approve-gate').count(), 0, 'no second approval by the same person');
    await page.locator('#already-approved').waitFor();
    await visit(page, state.systemHref);
    assert.equal((await page.locator('#current-stage').textContent()).trim(), 'Verification validation');
    await page.locator('#gate-pending').waitFor();
  });

  gateStep('the second approver approves: the gate opens and the system is in deployment', async () => {
    const page = await as('aims-manager');
    await visit(page, '/');
    assert.match(await page.locator('#pending-gates').textContent(), new RegExp(systemName));
    await visit(page, state.gateHref);
    const res = await submitAndWait(page, '#approve-gate');
    assert.equal(res.status(), 200);
    assert.equal((await page.locator('#gate-status').textContent()).trim(), 'opened');
    assert.equal((await page.locator('#gate-approvals').textContent()).trim(), '2 of 2');
    const events = await page.locator('#gate-events li').allTextContents();
    assert.equal(events.length, 4, events.join('\n'));
    assert.match(events[0], /requested by PER-\d+: verification_validation to deployment, 12 of 12 checks met, 2 approvers needed/);
    assert.match(events[1], /approved by PER-\d+ \(1 of 2\).*Validation report read/);
    assert.match(events[2], /approved by PER-\d+ \(2 of 2\)/);
    assert.match(events[3], /gate opened/);
    await shot(page, 'gate-opened');
    await visit(page, state.systemHref);
    assert.equal((await page.locator('#current-stage').textContent()).trim(), 'Deployment');
    assert.match(await page.locator('.stages li.current').textContent(), /^deployment$/i);
  });

  gateStep('the ledger shows the whole story in order', async () => {
    const page = await as('auditor');
    await visit(page, '/ledger');
    const rows = await page.locator('#ledger-entries tbody tr').evaluateAll((trs) => trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
      return { seq: Number(cells[0]), actor: cells[2], action: cells[3], record: cells[4] };
    }));
    const story = rows.filter((r) => r.seq > state.ledgerBefore).reverse(); // oldest first
    const gate = `GATE-${state.gateHref.split('/').pop()}`;
    assert.deepEqual(story.map((r) => `${r.action} ${r.record}`),
      [`request ${gate}`, `approve ${gate}`, `approve ${gate}`, `advance ${state.sys}`]);
    const user = (role) => `user:${server.accounts[role].email}`;
    assert.deepEqual(story.map((r) => r.actor),
      [user('system-owner'), user('approver'), user('aims-manager'), user('aims-manager')]);
    for (let i = 1; i < story.length; i++) assert.equal(story[i].seq, story[i - 1].seq + 1);
    await shot(page, 'ledger-story');
    // Each gate step's state (its checklist then) is hashed into the ledger and verifies.
    assert.match(await aimsCli(server, ['ledger', 'verify']), /ledger verified/);
  });
});
