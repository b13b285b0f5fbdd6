// The "Assess" acceptance test: a system owner classifies a CV-screening system (EU AI Act Annex III
// 4(a)), sees "high" with its obligations, drafts an impact assessment with a harm, and an approver
// approves it; the owner cannot. An approver accepts a risk above the appetite that they do not own;
// the risk's owner cannot. A risk owner starts a risk from the seed library. The methodology page shows the matrix, and an AIMS manager changes the
// appetite and sees the count of risks above it change.

import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  visit, heading, submitAndWait, idFromUrl, Story, postForm,
} from './support.mjs';

const story = new Story('assess');
const { as, shot } = story;
const assessStep = story.step;
let server;

async function text(page, selector) {
  return (await page.locator(selector).textContent()).trim();
}

// "3 of 8 live risks are above it." on the methodology page.
async function aboveAppetite(page) {
  const p = (await page.locator('p:has(#appetite)').textContent()).replace(/\s+/g, ' ');
  const m = p.match(/(\d+) of (\d+) live risks are above it/);
  assert.ok(m, `the methodology page counts the risks above the appetite: "${p}"`);
  return { above: Number(m[1]), live: Number(m[2]) };
}

const stamp = Date.now().toString(36);
const systemName = `CV screening – browser test ${stamp}`;
const harm = `Qualified older applicants are ranked too low to be seen by a recruiter (${stamp})`;
const state = {};

describe('assess: classify, impact assessment, risk acceptance, methodology', () => {
  before(async () => {
    server = await story.start();
  });
  after(story.stop);

  assessStep('the system owner registers a CV-screening system', async () => {
    const page = await as('system-owner');
    await visit(page, '/systems/new');
    await page.locator('#record-form').waitFor();
    await page.fill('#f-name', systemName);
    await page.fill('#f-purpose', 'Filters and ranks job applications for recruiters.');
    await page.fill('#f-intended_use', 'Recruiters see a ranked shortlist and decide every rejection.');
    // The owner defaults to the signed-in person.
    const owner = (await page.locator('#f-owner option:checked').textContent()).trim();
    assert.notEqual(owner, '(none)', 'the owner defaults to the signed-in person');
    state.ownerName = owner;
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200, `creating the system: ${await heading(page)}`);
    state.systemId = idFromUrl(page);
    state.systemHref = `/systems/${state.systemId}`;
    assert.equal(await heading(page), systemName);
    await page.locator('#aiact').waitFor();
    assert.equal(await text(page, '#ai-act-tier'), 'unclassified');
    assert.equal(await page.locator('#obligations').count(), 0, 'no obligations before a classification');
    await page.locator('#classify').waitFor();
    await shot(page, 'system-unclassified');
  });

  assessStep('classifies it as provider, Annex III 4(a): high, with its obligations', async () => {
    const page = await as('system-owner');
    await Promise.all([page.waitForURL(`**${state.systemHref}/classify`), page.click('#classify')]);
    await page.locator('#classify-form').waitFor();
    await page.selectOption('#c-role', 'provider');
    await page.selectOption('#c-annex-iii', '4(a)');
    await page.check('#c-profiling');
    await shot(page, 'classify-form');
    const res = await submitAndWait(page, '#classify-submit');
    if (res.status() !== 200) {
      assert.fail(`classifying answered ${res.status()}: ${await page.locator('main').innerText()}`);
    }
    const url = new URL(page.url());
    assert.equal(url.pathname, state.systemHref, 'back on the system page');
    assert.equal(await text(page, '#ai-act-tier'), 'high');
    await page.locator('#obligations').waitFor();
    const rows = page.locator('#obligations tbody tr');
    const articles = (await rows.locator('td:first-child').allTextContents()).map((s) => s.trim());
    const binds = new Set((await rows.locator('td:nth-child(3)').allTextContents()).map((s) => s.trim()));
    // A provider of a high-risk system: risk management, data governance, technical documentation,
    // record keeping, transparency, human oversight, accuracy, quality management, conformity
    // assessment, registration, post-market monitoring.
    for (const art of ['9', '10', '11', '12', '13', '14', '15', '17', '43', '49', '72']) {
      assert.ok(articles.some((a) => new RegExp(`^Art\\. ${art}\\b`).test(a)),
        `the obligations list Art. ${art}: ${articles.join(', ')}`);
    }
    assert.ok(binds.has('provider'), `obligations bind the provider: ${[...binds].join(', ')}`);
    assert.ok(!articles.some((a) => /^Art\. 26\b/.test(a)), 'no deployer duties (Art. 26) for a provider');
    // Every article links to its obligation record.
    assert.equal(await rows.locator('td:first-child a[href^="/obligations/"]').count(), articles.length);
    await page.locator('#obligations').scrollIntoViewIfNeeded();
    await shot(page, 'system-high-obligations');
    // The classification is a record, and the system lists it.
    await page.locator('#aiact a[href^="/aiact_assessments/"]').waitFor();
  });

  assessStep('drafts an impact assessment with a harm', async () => {
    const page = await as('system-owner');
    await visit(page, state.systemHref);
    await Promise.all([page.waitForURL('**/impact_assessments/new**'), page.click('#new-impact')]);
    await page.locator('#record-form').waitFor();
    // The link names the system; choose it in any case (the generic form may not preselect it).
    await page.selectOption('#f-system', String(state.systemId));
    await page.fill('#f-intended_uses', 'Rank applications for recruiters; a recruiter decides every rejection.');
    await page.fill('#f-affected_parties', 'job applicants\nrecruiters');
    await page.fill('#f-vulnerable_groups', 'older applicants\napplicants with disabilities');
    await page.fill('#f-benefits', 'Faster, more consistent shortlists.');
    await page.fill('#f-oversight_measures', 'A recruiter reviews every rejection.');
    await shot(page, 'impact-form');
    let res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200, `creating the impact assessment: ${await heading(page)}`);
    assert.match(new URL(page.url()).pathname, /^\/impact_assessments\/\d+$/);
    state.impactId = idFromUrl(page);
    state.impactHref = `/impact_assessments/${state.impactId}`;
    await page.locator('#impact-state').waitFor();
    assert.equal(await text(page, '#impact-status'), 'draft');
    await page.locator(`main a[href="${state.systemHref}"]`).first().waitFor();

    // A harm, through the panel's link.
    await Promise.all([page.waitForURL('**/impacts/new**'), page.click('#add-impact')]);
    await page.locator('#record-form').waitFor();
    await page.selectOption('#f-assessment', String(state.impactId));
    await page.selectOption('#f-kind', 'harm');
    await page.fill('#f-description', harm);
    await page.fill('#f-affected', 'older applicants');
    await page.fill('#f-severity', '4');
    await page.fill('#f-likelihood', '3');
    await page.selectOption('#f-reversibility', 'hard_to_reverse');
    await page.selectOption('#f-scale', 'group');
    await page.check('#f-vulnerable_groups');
    await page.fill('#f-mitigation', 'Quarterly adverse-impact monitoring by age band.');
    res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200, `adding the harm: ${await heading(page)}`);
    assert.match(new URL(page.url()).pathname, /^\/impacts\/\d+$/);
    state.harmId = idFromUrl(page);
    await page.locator(`main a[href="${state.impactHref}"]`).first().waitFor();
    await shot(page, 'harm');

    await visit(page, state.impactHref);
    await page.locator(`main a[href="/impacts/${state.harmId}"]`).waitFor();
    // The system page now links to its assessment instead of offering a new one.
    await visit(page, state.systemHref);
    await page.locator(`#impact-link[href="${state.impactHref}"]`).waitFor();
    assert.match(await text(page, '#impact-link'), /draft/);
    assert.equal(await page.locator('#new-impact').count(), 0);
  });

  assessStep('the owner cannot approve it: no button, and a direct post is refused', async () => {
    const page = await as('system-owner');
    await visit(page, state.impactHref);
    assert.equal(await text(page, '#impact-status'), 'draft');
    assert.equal(await page.locator('#approve').count(), 0, 'no approve button for the system owner');
    assert.equal(await page.locator('#approve-form').count(), 0);
    await page.locator('#edit-record').waitFor(); // a draft can still be edited
    await shot(page, 'impact-draft-owner');
    const res = await postForm(page, `${state.impactHref}/approve`, { _version: '1' });
    assert.equal(res.status(), 403, `the owner's approval is refused: ${res.status()}`);
    await visit(page, state.impactHref);
    assert.equal(await text(page, '#impact-status'), 'draft', 'nothing changed');
    assert.equal(await page.locator('#approval').count(), 0);
  });

  assessStep('an approver approves it: approved and frozen, with a readable document', async () => {
    const page = await as('approver');
    await visit(page, state.impactHref);
    assert.equal(await text(page, '#impact-status'), 'draft');
    assert.equal(await page.locator('#no-self-approval').count(), 0);
    await page.locator('#approve').waitFor();
    await shot(page, 'impact-draft-approver');
    const res = await submitAndWait(page, '#approve');
    assert.equal(res.status(), 200);
    assert.equal(new URL(page.url()).pathname, state.impactHref);
    assert.equal(await text(page, '#impact-status'), 'approved');
    assert.match(await text(page, '#approval'), /^Approved by .+ on \d{4}-\d{2}-\d{2}\. This version is frozen\.$/);
    assert.equal(await page.locator('#approve').count(), 0);
    assert.equal(await page.locator('#edit-record').count(), 0, 'no Edit button once approved');
    await shot(page, 'impact-approved');

    // The owner sees it frozen too.
    const owner = await as('system-owner');
    await visit(owner, state.impactHref);
    assert.equal(await text(owner, '#impact-status'), 'approved');
    assert.equal(await owner.locator('#edit-record').count(), 0, 'no Edit button for the owner once approved');
    await owner.locator('#revise').waitFor();
    // Its edit form, opened by hand, is refused: the version is frozen (saving is refused too:
    // tests/api/api_test.cpp).
    await visit(owner, `${state.impactHref}/edit`, 409);
    assert.match(await owner.locator('main').innerText(), /frozen/);
    await visit(owner, state.impactHref);
    assert.equal(await text(owner, '#impact-status'), 'approved');
    assert.equal(await owner.locator('main dd', { hasText: 'Changed after the approval.' }).count(), 0);
    await visit(owner, state.systemHref);
    assert.match(await text(owner, '#impact-link'), /approved/);

    // The readable document.
    await visit(page, state.impactHref);
    const [doc] = await Promise.all([page.waitForNavigation(), page.click('#impact-document')]);
    assert.equal(doc.status(), 200);
    assert.equal(new URL(page.url()).pathname, `${state.impactHref}/document`);
    assert.match(doc.headers()['content-type'], /^text\/html/);
    const h1 = (await page.locator('h1').textContent()).trim();
    assert.ok(h1.includes(systemName), `the document's heading names the system: ${h1}`);
    const body = await page.locator('body').innerText();
    assert.match(body, /\bapproved\b/);
    assert.match(body, /approved by .+ on \d{4}-\d{2}-\d{2}/);
    assert.ok(body.includes(harm), 'the document lists the harm');
    assert.ok(body.includes('older applicants'));
    await shot(page, 'impact-document');
  });

  assessStep('an approver accepts a risk above the appetite that they do not own; its owner cannot', async () => {
    // A risk of the risk owner's (they may edit it) above the appetite and not yet accepted.
    const owner = await as('risk-owner');
    await visit(owner, '/risks');
    const hrefs = await owner.locator('#results tbody tr td:first-child a').evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) {
      await visit(owner, href);
      if (await owner.locator('#above-appetite').count() && !(await owner.locator('#acceptance').count())
        && await owner.locator('#edit-record').count()) {
        state.riskHref = href;
        break;
      }
    }
    assert.ok(state.riskHref, 'the demo has a risk of the risk owner above the appetite');
    await owner.locator('#risk-assessment').waitFor();
    assert.equal(await owner.locator('#accept-form').count(), 0, 'no acceptance form for the risk owner');
    await shot(owner, 'risk-owner-no-accept');
    const version = await owner.locator('input[name=_version]').first().inputValue();
    let res = await postForm(owner, `${state.riskHref}/accept`, { _version: version, note: 'I accept my own risk.' });
    assert.equal(res.status(), 403, `the risk owner's acceptance is refused: ${res.status()}`);
    await visit(owner, state.riskHref);
    assert.equal(await owner.locator('#acceptance').count(), 0, 'nothing changed');

    const page = await as('approver');
    await visit(page, state.riskHref);
    await page.locator('#above-appetite').waitFor();
    assert.notEqual(await text(page, '#inherent-level'), '');
    assert.notEqual(await text(page, '#residual-level'), '');
    await page.locator('#accept-form').waitFor();
    assert.equal(await page.locator('#owner-cannot-accept').count(), 0);
    const note = `Accepted until the second review is in place (${stamp}).`;
    await page.fill('#accept-note', note);
    await shot(page, 'risk-accept-form');
    res = await submitAndWait(page, '#accept-form button[type=submit]');
    assert.equal(res.status(), 200);
    assert.equal(new URL(page.url()).pathname, state.riskHref);
    const acceptance = await text(page, '#acceptance');
    assert.ok(acceptance.startsWith('Accepted by ') && acceptance.endsWith(note), acceptance);
    assert.equal(await page.locator('#accept-form').count(), 0, 'accepted once');
    await page.locator('main dd', { hasText: /^accepted$/ }).first().waitFor();
    await shot(page, 'risk-accepted');
  });

  assessStep('an approver who owns a risk cannot accept it', async () => {
    // The AIMS manager may approve; a risk they create is theirs.
    const page = await as('aims-manager');
    await visit(page, '/risks/new');
    const owner = (await page.locator('#f-owner option:checked').textContent()).trim();
    assert.notEqual(owner, '(none)', 'the owner defaults to the signed-in person');
    await page.fill('#f-title', `Manager's own risk ${stamp}`);
    await page.fill('#f-likelihood', '5');
    await page.fill('#f-impact', '5');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200, `creating the risk: ${await heading(page)}`);
    const href = `/risks/${idFromUrl(page)}`;
    await page.locator('#above-appetite').waitFor();
    await page.locator('#owner-cannot-accept').waitFor();
    assert.equal(await page.locator('#accept-form').count(), 0);
    await shot(page, 'risk-owner-approver');
    const post = await postForm(page, `${href}/accept`, { _version: '1', note: 'Mine, and fine.' });
    assert.equal(post.status(), 403, `an owner's acceptance is refused: ${post.status()}`);
    await visit(page, href);
    assert.equal(await page.locator('#acceptance').count(), 0, 'nothing changed');
  });

  assessStep('a risk owner starts a bias risk for the system from the seed library', async () => {
    const page = await as('risk-owner');
    await visit(page, '/risks');
    await Promise.all([page.waitForURL('**/risk-library'), page.click('#risk-library-link')]);
    const seeds = page.locator('#risk-library tbody tr');
    assert.ok(await seeds.count() >= 8, 'the library lists the seed risks');
    for (const id of ['bias', 'unexplainable-decisions', 'over-reliance', 'public-impact', 'data-quality',
      'data-provenance', 'model-security', 'third-party-models']) {
      await page.locator(`#seed-${id}`).waitFor();
    }
    await shot(page, 'risk-library');
    // Opened from the system: the link carries ?systems=, so the new risk belongs to it.
    await visit(page, `/risk-library?systems=SYS-${state.systemId}`);
    await Promise.all([page.waitForURL('**/risks/new?template=bias**'), page.click('#seed-bias a.button')]);
    await page.locator('#record-form').waitFor();
    assert.equal(await page.inputValue('#f-title'), 'Algorithmic bias against a group of people');
    assert.equal(await page.inputValue('#f-source'), 'iso42001:C.3.4');
    assert.equal(await page.inputValue('#f-likelihood'), '3');
    const systems = (await page.locator('#f-systems option:checked').allTextContents()).map((s) => s.trim());
    assert.ok(systems.some((s) => s.includes(systemName)), `the system is chosen: ${systems.join(', ')}`);
    await page.fill('#f-likelihood', '4');
    const res = await submitAndWait(page, '#save');
    assert.equal(res.status(), 200, `creating the risk: ${await heading(page)}`);
    assert.equal(await heading(page), 'Algorithmic bias against a group of people');
    const body = await page.locator('main').innerText();
    assert.ok(body.includes('iso42001:C.2.5'), 'the fairness objective came with the seed');
    assert.ok(body.includes(systemName), 'linked to the system');
    await shot(page, 'risk-from-library');
  });

  assessStep('the methodology page shows the matrix; a manager raises the appetite', async () => {
    // Read only for the system owner.
    const reader = await as('system-owner');
    await visit(reader, '/risk-methodology');
    await reader.locator('#methodology-matrix').waitFor();
    assert.equal(await reader.locator('#methodology-form').count(), 0, 'no methodology form without risk.write');

    const page = await as('aims-manager');
    await visit(page, '/risk-methodology');
    const matrix = page.locator('#methodology-matrix');
    const rows = await matrix.locator('tbody tr').count();
    const cols = await matrix.locator('thead th').count() - 1;
    assert.ok(rows >= 3 && rows <= 5 && cols >= 3 && cols <= 5, `a ${rows} x ${cols} matrix`);
    assert.equal(await matrix.locator('tbody td').count(), rows * cols);
    await page.locator('#methodology-levels').waitFor();
    const before = await aboveAppetite(page);
    const appetite = await text(page, '#appetite');
    assert.ok(before.above > 0, 'the demo has risks above the appetite');
    await shot(page, 'methodology-before');

    // The level above the current appetite (not the highest one), from the form's own list.
    const levels = (await page.inputValue('#m-levels')).split('\n').map((s) => s.trim()).filter(Boolean);
    const at = levels.indexOf(appetite);
    assert.ok(at >= 0 && at + 1 < levels.length, `appetite ${appetite} among ${levels.join(', ')}`);
    const raised = levels[at + 1];
    await page.fill('#m-appetite', raised);
    const res = await submitAndWait(page, '#methodology-form button[type=submit]');
    assert.equal(res.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/risk-methodology');
    assert.equal(await page.locator('#methodology-error').count(), 0);
    assert.equal(await text(page, '#appetite'), raised);
    const after = await aboveAppetite(page);
    assert.equal(after.live, before.live);
    assert.ok(after.above < before.above, `fewer risks above the appetite: ${before.above} -> ${after.above}`);
    await shot(page, 'methodology-after');
  });
});
