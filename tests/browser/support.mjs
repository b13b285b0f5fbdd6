// Shared helpers for the browser tests: a demo data directory and an `aims serve` child process
// per test file, a Chromium per file, sign-in, axe-core checks and screenshots.
//
// Environment:
//   AIMS_BIN          the aims binary (required)
//   AIMS_SCREENSHOTS  directory for the screenshots (default: <tmp>/aims-browser-screenshots)
//   AIMS_CHROMIUM     the Chromium executable (default /usr/bin/chromium)

import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const ROLES = ['admin', 'aims-manager', 'system-owner', 'risk-owner', 'approver', 'auditor', 'viewer'];

// Every register kind's path, as listed on /register.
export const PLURALS = [
  'systems', 'risks', 'evidence', 'people', 'roles', 'models', 'datasets', 'suppliers', 'pipelines',
  'controls', 'soa_entries', 'organisations', 'scope_statements', 'context_issues',
  'interested_parties', 'party_requirements', 'catalogs', 'risk_methodologies', 'impact_assessments', 'impacts',
  'aiact_assessments', 'obligations', 'gate_requests', 'gate_policies', 'incidents', 'policies',
  'responsibilities', 'objectives', 'measurements', 'courses', 'trainings', 'oversight',
];

// Runs the aims CLI on a test server's data directory (next to the running server, as an
// operator would) and returns its stdout; fails with its stderr.
export async function aimsCli(server, args) {
  return run(aimsBin(), ['--data', server.data, ...args], { ...process.env, AIMS_PWHASH_FAST: '1' });
}

// The number of ledger entries of a test server's register, read with the CLI.
export async function ledgerSize(server) {
  return Number(JSON.parse(await aimsCli(server, ['--json', 'ledger', 'head'])).size);
}

export const SCREENSHOTS = process.env.AIMS_SCREENSHOTS || path.join(os.tmpdir(), 'aims-browser-screenshots');

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function aimsBin() {
  const bin = process.env.AIMS_BIN;
  if (!bin) throw new Error('AIMS_BIN is not set: point it at the aims binary');
  return bin;
}

// The binary may be rebuilt while the tests run; wait a little for it to reappear.
async function waitForBinary(bin) {
  for (let i = 0; i < 120 && !existsSync(bin); i++) await sleep(500);
  if (!existsSync(bin)) throw new Error(`AIMS_BIN ${bin} does not exist`);
}

function run(bin, args, env) {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${bin} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

// Parses the demo's sign-in lines: "  role  email  password".
export function parseDemoAccounts(stdout) {
  const accounts = {};
  for (const line of stdout.split('\n')) {
    const m = line.match(/^\s+(\S+)\s+(\S+@\S+)\s+(\S+)\s*$/);
    if (m && ROLES.includes(m[1])) accounts[m[1]] = { role: m[1], email: m[2], password: m[3] };
  }
  for (const role of ROLES) {
    if (!accounts[role]) throw new Error(`demo output has no sign-in for ${role}:\n${stdout}`);
  }
  return accounts;
}

// Creates a demo data directory and serves it on an ephemeral port. Returns
// { url, accounts, dir, data, stop() }; `data` is the data directory, for aimsCli().
export async function startServer() {
  const bin = aimsBin();
  await waitForBinary(bin);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aims-browser-'));
  const data = path.join(dir, 'x');
  const env = { ...process.env, AIMS_PWHASH_FAST: '1' };
  let stdout;
  for (let attempt = 0; ; attempt++) {
    try {
      stdout = await run(bin, ['--data', data, 'demo'], env);
      break;
    } catch (e) {
      // A rebuild in progress can leave a half-written binary for a moment.
      if (attempt >= 5) throw e;
      await fs.rm(data, { recursive: true, force: true });
      await sleep(2000);
      await waitForBinary(bin);
    }
  }
  const accounts = parseDemoAccounts(stdout);

  const child = spawn(bin, ['--data', data, 'serve', '--listen', '127.0.0.1:0', '--quiet'], {
    env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a server behind, even when the test process is ended early.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = ''; // the server's output, the last 20000 characters, for error messages
  let stopping = false;
  let exitStatus = null;
  const collect = (chunk) => { output = (output + chunk.toString()).slice(-20000); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    exitStatus = code ?? signal;
    resolve();
  }));

  let url;
  try {
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`aims serve did not start in 30 s:\n${output}`)), 30000);
      const ready = () => {
        const m = output.match(/aims serving (http:\/\/127\.0\.0\.1:\d+)/);
        if (m) { clearTimeout(timer); child.stdout.off('data', ready); resolve(m[1]); }
      };
      child.stdout.on('data', ready);
      exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`aims serve exited (${exitStatus}) before it was ready:\n${output}`));
      });
    });
  } catch (e) {
    child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
    throw e;
  }

  // Stops the server (SIGTERM, then SIGKILL after 10 s) and removes the data. Fails if the server
  // had ended by itself meanwhile (a crash during the tests).
  async function stop() {
    const crashed = exitStatus !== null && !stopping;
    stopping = true;
    if (exitStatus === null) {
      child.kill('SIGTERM');
      let timer;
      const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), 10000); });
      const outcome = await Promise.race([exited.then(() => 'exited'), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    process.off('exit', killOnExit);
    await fs.rm(dir, { recursive: true, force: true });
    if (crashed) throw new Error(`aims serve ended during the tests (${exitStatus}):\n${output}`);
  }
  return { url, accounts, dir, data, stop };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.AIMS_CHROMIUM || '/usr/bin/chromium',
    args: LAUNCH_ARGS,
  });
}

// A new context (own cookies) and page, with timeouts suited to a slow CI machine. Page errors and
// console errors are collected in page.problems.
export async function newPage(browser, baseURL) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15000);
  context.setDefaultNavigationTimeout(20000);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs every 4xx/5xx answer (pages the tests ask for on purpose, /favicon.ico); the
    // responses of the page's own scripts, styles and images are checked below instead.
    if (/^Failed to load resource/.test(msg.text())) return;
    page.problems.push(`console: ${msg.text()} ${msg.location()?.url || ''}`);
  });
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (res.status() >= 400 && ['script', 'stylesheet', 'image', 'font'].includes(type)) {
      page.problems.push(`${type} ${res.url()}: ${res.status()}`);
    }
  });
  page.on('requestfailed', (req) => {
    const type = req.resourceType();
    if (['script', 'stylesheet', 'image', 'font'].includes(type)) {
      page.problems.push(`${type} ${req.url()}: ${req.failure()?.errorText}`);
    }
  });
  return page;
}

// Signs in through the login form and waits for the dashboard (or `next`).
export async function signIn(page, account, next = '/') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.fill('#email', account.email);
  await page.fill('#password', account.password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === next.split('?')[0]),
    page.click('#login-form button[type=submit]'),
  ]);
  await page.locator('#sign-out').waitFor();
}

// Goes to `url`, asserts the HTTP status, and returns the response.
export async function visit(page, url, status = 200) {
  const res = await page.goto(url);
  assert.ok(res, `no response for ${url}`);
  assert.equal(res.status(), status, `GET ${url}: status ${res.status()}, expected ${status}`);
  await page.locator('main#main h1').waitFor();
  return res;
}

export async function heading(page) {
  return (await page.locator('main#main h1').textContent()).trim();
}

// Submits a form by clicking `selector` and waits for the navigation the post causes; returns the
// final response (after redirects).
export async function submitAndWait(page, selector) {
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click(selector),
  ]);
  return res;
}

export async function screenshot(page, name) {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe-core on the page. Returns { all, blocking } where every violation is flattened to
// { id, impact, help, targets } and `blocking` holds the serious and critical ones.
// Legacy mode runs axe in the page itself instead of opening a blank page to combine the results of
// every frame: the same rules and results for these pages, which have no frames, at half the cost.
export async function axe(page) {
  assert.equal(await page.locator('iframe, frame').count(), 0, 'axe legacy mode is only exact without frames');
  // resultTypes: only violations get every node's details (passes are counted, not described).
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true)
    .options({ resultTypes: ['violations'] }).analyze();
  const all = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
    summary: v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').trim() || '',
  }));
  return { all, blocking: all.filter((v) => v.impact === 'serious' || v.impact === 'critical') };
}

export function formatViolations(label, violations) {
  return violations.map((v) =>
    `  [${label}] ${v.id} (${v.impact}): ${v.help}\n`
    + (v.summary ? `      ${v.summary}\n` : '')
    + v.targets.map((t) => `      ${t}`).join('\n')).join('\n');
}

// Reads a record's id from a detail page URL (/systems/12 -> 12).
export function idFromUrl(page) {
  const m = new URL(page.url()).pathname.match(/\/(\d+)$/);
  assert.ok(m, `not a record page: ${page.url()}`);
  return Number(m[1]);
}

// A test file told as one story: steps that build on each other (once one fails the rest are
// skipped, and every page opened so far is photographed), a signed-in page per role, each in its
// own browser context, and numbered screenshots named after the story. start() and stop() go in
// the file's before() and after(); stop() also checks that no page had a script error.
export class Story {
  constructor(name) {
    this.name = name;
    this.pages = {}; // role (or any key) -> page
    this.server = null;
    this.browser = null;
    this.failed = false;
    this.count = 0;
  }

  start = async () => {
    this.server = await startServer();
    this.browser = await launchBrowser();
    return this.server;
  };

  stop = async () => {
    for (const [role, page] of Object.entries(this.pages)) {
      assert.deepEqual(page.problems, [], `${role}: no script errors`);
    }
    await this.browser?.close();
    await this.server?.stop();
  };

  step = (title, fn) => {
    it(title, async (t) => {
      if (this.failed) { t.skip('an earlier step failed'); return; }
      try {
        await fn(t);
      } catch (e) {
        this.failed = true;
        for (const [role, page] of Object.entries(this.pages)) {
          await screenshot(page, `${this.name}-FAILED-${role}-${title}`).catch(() => {});
        }
        throw e;
      }
    });
  };

  // The signed-in page of `role`, made on first use.
  as = async (role) => {
    if (!this.pages[role]) {
      const page = await newPage(this.browser, this.server.url);
      await signIn(page, this.server.accounts[role]);
      this.pages[role] = page;
    }
    return this.pages[role];
  };

  // A page in a fresh browser context that is not signed in (no cookies), kept as `key`.
  anonymous = async (key) => {
    this.pages[key] = await newPage(this.browser, this.server.url);
    return this.pages[key];
  };

  shot = (page, label) => screenshot(page, `${this.name}-${String(++this.count).padStart(2, '0')}-${label}`);
}

// Posts a form with the page's session (cookies and CSRF token) without following redirects, the
// way a hand-made request would: for checking what the server refuses whatever the page offers.
export async function postForm(page, url, fields) {
  const csrf = await page.locator('input[name=_csrf]').first().inputValue();
  return page.request.post(url, { form: { _csrf: csrf, ...fields }, maxRedirects: 0 });
}
