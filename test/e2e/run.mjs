#!/usr/bin/env node
// End-to-end tests through the UI: the packaged extension (archdoc.vsix) installed into a real VS Code
// (code-server 4.100.3, see scripts/lib/host.mjs), driven like a user would with the keyboard in Debian's
// chromium through playwright-core. Each test saves a screenshot.
//
// usage: node test/e2e/run.mjs [--update-screenshots] [--vsix FILE] [--screenshots DIR] [--only NAME,…]
//                              [--timeout-ms N]
//   --update-screenshots  also write the README's pictures (tree-and-problems, quick-fix, completion) to
//                         media/screenshots/
//   --vsix FILE           test this package instead of building archdoc.vsix with `npm run package`
//   --screenshots DIR     where every test's screenshot goes (default: <tmp>/archdoc-e2e-screenshots, emptied first)
//   --only NAMES          run only these tests (comma-separated): insert-template, tree-and-problems, quick-fix,
//                         completion, plain-markdown, overview, html-report, korean, demo
// Installs the host when missing (scripts/lib/host.mjs ensureHost). ARCHDOC_HOST_VERBOSE=1 shows the
// browser's console; ARCHDOC_HOST_KEEP_TMP=1 keeps the temp dirs. Prints `N passed, N failed` last; exits non-zero
// on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_FILE, startDemo } from '../../scripts/lib/demo.mjs';
import {
  ROOT, VERBOSE, createResources, createRunDir, ensureHost, freePort, installStubLanguagePack, installVsix,
  launchChromium, log as hostLog, readRemoteAuthority, resultLine, sleep, startCodeServer, stripAnsi, systemTmp, workbenchUrl,
} from '../../scripts/lib/host.mjs';
import { requireSupportedNode } from '../../scripts/lib/node-version.mjs';

requireSupportedNode('test/e2e/run.mjs');

// A filled document (the project's fixture) without sections 9.2 and 14.2.
const TWO_MISSING = path.join(ROOT, 'test/fixtures/documents/two-missing-sections.md');
// Not an architecture document, though it has bold labels with a colon, one of them empty.
const PLAIN_README = '# Tool\n\nSome **bold** words.\n\n- **Usage**:\n- **License**: MIT\n';
const SAMPLE = path.join(ROOT, 'samples/architecture.md');
const README_SHOTS = ['tree-and-problems', 'quick-fix', 'completion', 'overview', 'html-report'];
const CLI = path.join(ROOT, 'bin/archdoc.js');
// A decision record (built-in "adr" template) beside the Korean documents: the overview gets a table per template.
const ADR = '---\nstatus: accepted\n---\n\n# Cache the catalogue pages\n\n## Context and Problem\n\nCatalogue pages are slow under load: what do we do?\n\n## Decision Drivers\n\n- response time under 200 ms\n- ...\n\n## Considered Options\n\n- Page cache\n- Read replica\n\n## Decision Outcome\n\nWe chose "{option title}", because {reason}.\n';
const VIEWPORT = { width: 1400, height: 900 };
const WAIT_MS = 15_000; // the bound of any single wait in a test
// The bound of waits for the workbench's startup (extensions activating): a shared CPU makes it slow.
const STARTUP_WAIT_MS = 90_000;
const TEST_TIMEOUT_MS = 150_000;

// ---------------------------------------------------------------------------------------------------------------
// command line

function usage(msg) {
  if (msg) console.error(`test/e2e/run.mjs: ${msg}`);
  console.error('usage: node test/e2e/run.mjs [--update-screenshots] [--vsix FILE] [--screenshots DIR] [--only NAME,…] [--timeout-ms N]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { update: false, vsix: undefined, shots: undefined, only: undefined, timeoutMs: 900_000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`missing value for ${flag}`));
    switch (flag) {
      case '--update-screenshots': opts.update = true; break;
      case '--vsix': opts.vsix = path.resolve(value()); break;
      case '--screenshots': opts.shots = path.resolve(value()); break;
      case '--only': opts.only = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--timeout-ms': opts.timeoutMs = Number(value()); break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument ${flag}`);
    }
  }
  if (opts.vsix && !fs.existsSync(opts.vsix)) usage(`--vsix does not exist: ${opts.vsix}`);
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
  return opts;
}

const say = (line) => process.stdout.write(`${line}\n`);
const log = (...a) => hostLog(...a);
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
// Playwright's errors carry a long call log: its first lines say enough.
const brief = (e) => stripAnsi(String(e?.message ?? e)).split('\n').filter((l) => l.trim()).slice(0, 3).join(' | ');

// ---------------------------------------------------------------------------------------------------------------
// the workbench, driven through its DOM and keyboard

// Bounded polling: fn(note) returns a truthy value when done; note(x) records what was last seen, for the error
// on timeout.
async function waitUntil(what, fn, { timeout = WAIT_MS, interval = 150 } = {}) {
  const end = Date.now() + timeout;
  let last;
  const note = (x) => { last = typeof x === 'string' ? x : JSON.stringify(x); };
  for (;;) {
    try {
      const value = await fn(note);
      if (value) return value;
    } catch (e) {
      last = `(${e.message.split('\n')[0]})`;
    }
    if (Date.now() > end) {
      const seen = last ? `; last seen: ${JSON.stringify(last.slice(0, 800))}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${seen}`);
    }
    await sleep(interval);
  }
}

const norm = (s) => (s ?? '').replace(/\u00a0/g, ' ');

function createUi(page) {
  const ui = {
    page,

    async visible(selector) {
      return page.locator(selector).first().isVisible().catch(() => false);
    },

    // The quick input's rows' aria-labels ("File: New Untitled Text File, Control+Alt+N", "Markdown, (markdown)").
    async quickInputRows() {
      return page.$$eval('.quick-input-widget .monaco-list-row', (els) => els.map((e) => ({
        label: e.getAttribute('aria-label') ?? '', focused: e.classList.contains('focused'),
      })));
    },

    // Picks the quick-input row whose label is `label` (or starts with `label,`) with the arrow keys and Enter:
    // the first row is not always the wanted one ("Compare New Untitled Text Files" sorts first).
    async pickQuickInput(label, what = label) {
      const matches = (l) => norm(l) === label || norm(l).startsWith(`${label},`);
      const rows = await waitUntil(`"${what}" in the quick input`, async () => {
        const r = await ui.quickInputRows();
        return r.some((row) => matches(row.label)) ? r : false;
      });
      const target = rows.findIndex((row) => matches(row.label));
      for (let i = 0; i <= rows.length; i++) {
        const now = await ui.quickInputRows();
        const focused = now.findIndex((row) => row.focused);
        if (focused >= 0 && matches(now[focused].label)) break;
        await page.keyboard.press(focused > target ? 'ArrowUp' : 'ArrowDown');
      }
      await page.keyboard.press('Enter');
    },

    async openQuickInput(keys) {
      await page.keyboard.press(keys);
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: WAIT_MS });
    },

    // Command palette: Ctrl+Shift+P, type, pick the command by its full title.
    async command(title, query = title) {
      await ui.openQuickInput('Control+Shift+P');
      await page.locator('.quick-input-widget input').fill(`>${query}`);
      await ui.pickQuickInput(title);
    },

    // Quick open: Ctrl+P, the file name, Enter; then waits for its editor tab to be active.
    async openFile(name) {
      await ui.openQuickInput('Control+P');
      await page.locator('.quick-input-widget input').fill(name);
      await waitUntil(`${name} in quick open`, async () => (await ui.quickInputRows()).some((r) => norm(r.label).startsWith(name)));
      await page.keyboard.press('Enter');
      await ui.waitActiveTab(name);
      await ui.waitEditorText(`the text of ${name}`, (text) => text.trim().length > 0);
    },

    async activeTab() {
      return page.$eval('.editor-group-container .tab.active', (e) => e.getAttribute('aria-label') ?? e.textContent).catch(() => '');
    },

    async waitActiveTab(name, timeout = WAIT_MS) {
      return waitUntil(`the editor tab ${name}`, async (note) => {
        const tab = await ui.activeTab();
        note(tab);
        return tab.includes(name);
      }, { timeout });
    },

    // The visible lines of the active editor (the editor renders only those).
    async editorText() {
      return norm(await page.$eval('.editor-group-container.active .monaco-editor .view-lines',
        (e) => [...e.querySelectorAll('.view-line')]
          .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
          .map((l) => l.textContent).join('\n')));
    },

    // What the active editor draws: squiggles, extension decorations (their class names contain
    // TextEditorDecorationType; archdoc is the only extension installed) and the colour of the first token span
    // containing each of `words`.
    async editorLook(words = []) {
      return page.evaluate((wanted) => {
        const editor = document.querySelector('.editor-group-container.active .monaco-editor');
        if (!editor) return null;
        const spans = [...editor.querySelectorAll('.view-line span span')];
        const colours = Object.fromEntries(wanted.map((word) => {
          const span = spans.find((s) => s.textContent.includes(word));
          return [word, span ? getComputedStyle(span).color : null];
        }));
        return {
          squiggles: editor.querySelectorAll('.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint').length,
          decorations: [...editor.querySelectorAll('[class*="TextEditorDecorationType"]')].map((e) => e.className),
          colours,
        };
      }, words);
    },

    async tabs() {
      return page.$$eval('.editor-group-container .tab', (els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent));
    },

    async waitEditorText(what, predicate) {
      return waitUntil(what, async (note) => {
        const text = await ui.editorText();
        note(text);
        return predicate(text) ? text : false;
      });
    },

    async goToLine(line) {
      await ui.openQuickInput('Control+G');
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await waitUntil(`the cursor on line ${line}`, async (note) => {
        const status = norm(await page.$eval('.statusbar', (e) => e.textContent).catch(() => ''));
        note(status);
        return status.includes(`Ln ${line},`);
      });
    },

    // The Problems panel's text (its rows are rendered only when visible: filter it to find a given row).
    async problems() {
      if (!(await ui.visible('.markers-panel'))) {
        await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: WAIT_MS });
      }
      return norm(await page.$eval('.markers-panel', (e) => e.innerText));
    },

    async waitProblems(what, predicate) {
      return waitUntil(`the Problems panel to show ${what}`, async (note) => {
        const text = await ui.problems();
        note(text);
        return predicate(text) ? text : false;
      });
    },

    async filterProblems(text) {
      await ui.problems();
      const input = page.locator('.panel .viewpane-filter input').first();
      await input.fill(text);
    },

    // The archdoc activity-bar container ("Architecture" / "아키텍처"), then the view's header.
    async showArchitectureView(container, viewName, timeout = WAIT_MS) {
      // The badge covers the icon's centre: click the whole item.
      await page.click(`.activitybar li.action-item:has(.action-label[aria-label^="${container}"])`, { timeout });
      // A container with a single view hides the view's own header (the container's title shows its name).
      await page.locator(`.sidebar .pane-header[aria-label^="${viewName}"]`).first().waitFor({ state: 'attached', timeout: WAIT_MS });
      await page.locator('.sidebar .pane-body').first().waitFor({ state: 'visible', timeout: WAIT_MS });
    },

    // The completeness tree's rendered rows: label (section heading or open slot) and description.
    async treeRows() {
      return page.$$eval('.sidebar .pane-body .monaco-list-row', (els) => els.map((e) => ({
        label: e.querySelector('.label-name')?.textContent ?? '',
        description: e.querySelector('.label-description')?.textContent ?? '',
        level: Number(e.getAttribute('aria-level')),
      })));
    },

    // Wider sidebar, so the tree's labels are not cut: drag the sash on its right edge.
    async widenSidebar(width) {
      const box = await page.locator('.part.sidebar').boundingBox();
      if (!box || box.width >= width) return;
      const x = box.x + box.width;
      const y = box.y + box.height / 2;
      await page.mouse.move(x - 1, y);
      await page.mouse.down();
      await page.mouse.move(x + (width - box.width) / 2, y, { steps: 3 });
      await page.mouse.move(box.x + width, y, { steps: 3 });
      await page.mouse.up();
    },

    // Waits until the tree, the Problems panel and the editor stop changing (archdoc re-analyses a document
    // archdoc.debounceMs = 300 ms after the last edit), so screenshots show a settled state.
    async settle({ quietMs = 800, timeout = 5_000 } = {}) {
      const snapshot = () => page.evaluate(() => ['.sidebar .pane-body', '.markers-panel', '.panel .composite.title', '.editor-group-container.active .view-lines']
        .map((sel) => document.querySelector(sel)?.textContent ?? '').join('\u0001'));
      const end = Date.now() + timeout;
      let last = await snapshot();
      let since = Date.now();
      while (Date.now() < end) {
        await sleep(150);
        const now = await snapshot();
        if (now !== last) { last = now; since = Date.now(); } else if (Date.now() - since >= quietMs) return;
      }
    },

    // Back to a quiet workbench: no widget open, no filter, no editor (dirty ones reverted).
    async reset() {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
      if (await ui.visible('.panel .viewpane-filter input')) {
        const input = page.locator('.panel .viewpane-filter input').first();
        if (await input.inputValue()) await input.fill('');
      }
      for (let i = 0; i < 8 && (await page.locator('.editor-group-container .tab').count()) > 0; i++) {
        await ui.command('View: Revert and Close Editor', 'Revert and Close Editor');
        await sleep(200);
      }
    },
  };
  return ui;
}

// ---------------------------------------------------------------------------------------------------------------
// sessions: one code-server + browser per locale

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'git.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'remote.autoForwardPorts': false,
  'chat.commandCenter.enabled': false,
};

async function startSession({ locale, vsix, files, deadline, sessions, stopped }) {
  if (stopped()) throw new Error('stopping');
  const res = createResources();
  sessions.push(res);
  const started = Date.now();
  const dirs = createRunDir(res, 'archdoc-e2e-');
  const workspace = dirs.mk('architecture-docs');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, name), text);
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  installVsix(dirs, vsix);
  if (locale && !locale.toLowerCase().startsWith('en')) installStubLanguagePack(dirs.extDir, dirs.userData, locale);

  const port = await freePort();
  const { origin } = await startCodeServer(res, dirs, { workspace, port, locale, deadline });
  await readRemoteAuthority(origin); // also warms up the server's page
  const ui = await openWorkbench(res, dirs, workbenchUrl(origin, workspace), { locale, deadline });
  ui.workspace = workspace;
  say(`  (${locale ?? 'en'} workbench ready in ${secs(Date.now() - started)})`);
  return ui;
}

/** The demo exactly as `npm run demo` starts it, opened at the URL it prints. */
async function startDemoSession({ vsix, deadline, sessions, stopped }) {
  if (stopped()) throw new Error('stopping');
  const res = createResources();
  sessions.push(res);
  const started = Date.now();
  const { url, workspace, dirs } = await startDemo(res, { vsix, port: await freePort(), deadline });
  const ui = await openWorkbench(res, dirs, url, { deadline });
  ui.workspace = workspace;
  say(`  (demo workbench ready in ${secs(Date.now() - started)})`);
  return ui;
}

async function openWorkbench(res, dirs, url, { locale, deadline }) {
  const page = await launchChromium(res, dirs, { locale, viewport: VIEWPORT, timeout: Math.min(60_000, deadline - Date.now()) });
  if (VERBOSE) page.on('console', (m) => log(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log(`[browser pageerror] ${e.message}`));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WAIT_MS * 2 });
  await page.locator('.monaco-workbench .part.activitybar').first().waitFor({ state: 'visible', timeout: WAIT_MS * 2 });
  return createUi(page);
}

// ---------------------------------------------------------------------------------------------------------------
// the tests

const assert = (cond, msg) => { if (!cond) throw new Error(msg); };

const QUICK_FIX_LINE = '- **주 클라우드**: Azure/AWS/GCP';

function workspaceFiles() {
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  // The sample has chosen its cloud; a copy that still lists the template's options gets the quick fix.
  const quickFix = sample.replace(/^- \*\*주 클라우드\*\*: .*$/mu, QUICK_FIX_LINE);
  if (quickFix === sample) throw new Error(`${SAMPLE} has no "- **주 클라우드**:" line`);
  // A draft with only the title and 1.1: everything else is a missing section.
  const lines = sample.split('\n');
  const draftEnd = lines.findIndex((l) => l.startsWith('### 1.2'));
  if (draftEnd < 0) throw new Error(`${SAMPLE} has no "### 1.2" heading`);
  return {
    'two-missing-sections.md': fs.readFileSync(TWO_MISSING, 'utf8'),
    'README.md': PLAIN_README,
    'quick-fix.md': quickFix,
    'draft.md': `${lines.slice(0, draftEnd).join('\n').trimEnd()}\n`,
    'adr-0001-cache.md': ADR,
  };
}

const TESTS = [
  {
    name: 'insert-template',
    title: 'Insert architecture template from the command palette fills the Problems panel',
    async run(ui) {
      await ui.command('File: New Untitled Text File', 'New Untitled Text File');
      await ui.waitActiveTab('Untitled');
      await ui.command('Change Language Mode');
      await ui.page.locator('.quick-input-widget input').fill('markdown');
      await ui.pickQuickInput('Markdown');
      await waitUntil('the language mode Markdown', async () => norm(await ui.page.$eval('.statusbar', (e) => e.textContent)).includes('Markdown'));
      await ui.command('archdoc: Insert architecture template', 'Insert architecture template');
      await ui.pickQuickInput('High Level 아키텍처 정의서', 'the Korean template');
      await ui.waitEditorText('the template in the editor', (t) => t.includes('High Level 아키텍처 정의서'));
      await ui.waitProblems('archdoc findings for the untitled document',
        (t) => t.includes('High Level 아키텍처 정의서\n') && t.includes('"비즈니스 목적"') && t.includes('empty-field') && t.includes('archdoc'));
      await waitUntil('the completeness tree of the new document', async (note) => {
        const rows = await ui.treeRows();
        note(rows.map((r) => `${r.label} ${r.description}`));
        return rows.some((r) => r.label === '1. 개요 (Executive Summary)' && r.description === '0/8');
      });
    },
  },
  {
    name: 'tree-and-problems',
    title: 'a filled document with two missing sections: the completeness tree and its Problems',
    async run(ui) {
      await ui.openFile('two-missing-sections.md');
      const rows = await waitUntil('the completeness tree of two-missing-sections.md', async (note) => {
        const r = await ui.treeRows();
        note(r.map((x) => `${x.label} ${x.description}`));
        return r.some((row) => row.label === '9.2 데이터 과학 플랫폼') ? r : false;
      });
      const row = (label) => rows.find((r) => r.label === label);
      assert(row('2. 아키텍처 요구사항')?.description === '✓', `row "2. 아키텍처 요구사항" should be ✓: ${JSON.stringify(row('2. 아키텍처 요구사항'))}`);
      assert(row('9. AI/ML 아키텍처')?.description === '3/6', `row "9. AI/ML 아키텍처" should be 3/6: ${JSON.stringify(row('9. AI/ML 아키텍처'))}`);
      assert(row('9.2 데이터 과학 플랫폼')?.description === 'missing', `row "9.2 데이터 과학 플랫폼" should be missing: ${JSON.stringify(row('9.2 데이터 과학 플랫폼'))}`);
      assert(rows.length >= 20, `only ${rows.length} tree rows`);
      await ui.waitProblems('the two missing sections of two-missing-sections.md', (t) => t.includes('two-missing-sections.md')
        && t.includes('Section "9.2 데이터 과학 플랫폼" of the template is missing.') && t.includes('missing-section')
        && t.includes('15.2 기술 부채 관리'));
      // Clicking a missing section reveals where it belongs.
      await ui.page.locator('.sidebar .pane-body .monaco-list-row', { hasText: '9.2 데이터 과학 플랫폼' }).click({ timeout: WAIT_MS });
      await ui.waitEditorText('the editor at "## 9. AI/ML 아키텍처"', (t) => t.includes('## 9. AI/ML 아키텍처'));
    },
  },
  {
    name: 'quick-fix',
    title: 'a quick fix from the lightbulb (Ctrl+.) chooses an option and the warning goes',
    async run(ui, { shot }) {
      await ui.openFile('quick-fix.md');
      const line = fs.readFileSync(path.join(ui.workspace, 'quick-fix.md'), 'utf8').split('\n').indexOf(QUICK_FIX_LINE) + 1;
      await ui.filterProblems('주 클라우드');
      await ui.waitProblems('the unchosen-option warning on "주 클라우드"', (t) => t.includes('quick-fix.md')
        && t.includes('"주 클라우드" still lists the template\'s options (Azure/AWS/GCP)') && t.includes('unchosen-option'));
      await ui.goToLine(line);
      await ui.page.keyboard.press('End');
      await ui.page.keyboard.press('Control+.');
      const menu = ui.page.locator('.action-widget');
      await menu.first().waitFor({ state: 'visible', timeout: WAIT_MS });
      const labels = () => ui.page.$$eval('.action-widget .monaco-list-row.action', (els) => els.map((e) => ({
        label: e.getAttribute('aria-label') ?? '', focused: e.classList.contains('focused'),
      })));
      const actions = await waitUntil('the quick fixes', async () => ((await labels()).length ? labels() : false));
      for (const wanted of ['Choose "Azure"', 'Choose "AWS"', 'Choose "GCP"']) {
        assert(actions.some((a) => a.label === wanted), `no quick fix ${wanted}: ${JSON.stringify(actions.map((a) => a.label))}`);
      }
      // The menu's rows sit under a pointer block: move with the keyboard.
      for (let i = 0; i < actions.length; i++) {
        if ((await labels()).find((a) => a.focused)?.label === 'Choose "AWS"') break;
        await ui.page.keyboard.press('ArrowDown');
      }
      assert((await labels()).find((a) => a.focused)?.label === 'Choose "AWS"', 'could not focus Choose "AWS"');
      await shot();
      await ui.page.keyboard.press('Enter');
      await ui.waitEditorText('the line to read "- **주 클라우드**: AWS"', (t) => t.split('\n').includes('- **주 클라우드**: AWS'));
      await ui.waitProblems('the warning to go', (t) => !t.includes('주 클라우드') && t.includes('No results found'));
    },
  },
  {
    name: 'completion',
    title: 'typing # at the start of a line offers the missing template sections',
    async run(ui, { shot }) {
      await ui.openFile('draft.md');
      await ui.waitProblems('the missing sections of draft.md', (t) => t.includes('draft.md') && t.includes('missing-section'));
      await ui.page.keyboard.press('Control+End');
      await ui.page.keyboard.press('Enter');
      await ui.page.keyboard.type('#');
      const suggestions = await waitUntil('the completion list', async () => {
        const rows = await ui.page.$$eval('.suggest-widget.visible .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        return rows.length > 0 ? rows : false;
      });
      const offered = suggestions.map((s) => s.split(',')[0]);
      for (const wanted of ['1.2 아키텍처 범위 및 경계', '2. 아키텍처 요구사항']) {
        assert(offered.includes(wanted), `"${wanted}" not offered: ${JSON.stringify(offered)}`);
      }
      assert(!offered.includes('1.1 프로젝트 개요'), `"1.1 프로젝트 개요" is present but offered: ${JSON.stringify(offered)}`);
      assert(suggestions.every((s) => s.includes('missing template section')), `not all offers are missing sections: ${JSON.stringify(suggestions)}`);
      // Show the focused item's details (the section skeleton it inserts) for the picture.
      if (!(await ui.visible('.suggest-details-container .suggest-details'))) await ui.page.keyboard.press('Control+Space');
      await waitUntil('the suggestion details', () => ui.visible('.suggest-details-container .suggest-details'), { timeout: 5_000 }).catch(() => {});
      await shot();
      await ui.page.keyboard.press('Enter');
      await ui.waitEditorText('the inserted "### 1.2 아키텍처 범위 및 경계"', (t) => t.includes('### 1.2 아키텍처 범위 및 경계'));
    },
  },
  {
    name: 'plain-markdown',
    title: 'a plain README with "- **Usage**:" shows no archdoc squiggle, decoration or label colour',
    async run(ui, { shot }) {
      await ui.openFile('README.md');
      await ui.waitEditorText('the README in the editor', (t) => t.includes('- **Usage**:') && t.includes('Some **bold** words.'));
      // Colours arrive after the text (the grammars tokenize in the background; archdoc analyses after
      // archdoc.debounceMs): wait until bold text is painted apart from plain text and nothing changed for 2 s.
      let previous = '';
      let since = Date.now();
      const look = await waitUntil('the README painted and settled', async (note) => {
        const now = await ui.editorLook(['Usage', 'License', 'bold', 'words']);
        note(now);
        const key = JSON.stringify(now);
        if (key !== previous) { previous = key; since = Date.now(); }
        return now?.colours.bold && now.colours.bold !== now.colours.words && Date.now() - since >= 2_000 ? now : false;
      }, { timeout: 30_000, interval: 250 });
      assert(look.squiggles === 0, `${look.squiggles} squiggles in a plain README`);
      assert(look.decorations.length === 0, `decorations in a plain README: ${JSON.stringify(look.decorations)}`);
      assert(look.colours.bold, `no token for "bold": ${JSON.stringify(look.colours)}`);
      for (const label of ['Usage', 'License']) {
        assert(look.colours[label] === look.colours.bold,
          `"${label}" is painted ${look.colours[label]}, ordinary bold text ${look.colours.bold}`);
      }
      await shot();
    },
  },
  {
    name: 'overview',
    title: 'the architecture overview lists every document with its completion; a cell opens its section',
    async run(ui, { shot }) {
      await ui.command('archdoc: Show the architecture overview of the workspace', 'architecture overview');
      // The webview's content sits in an iframe inside an iframe.
      const frame = ui.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const rows = await waitUntil('the overview\'s rows', async (note) => {
        const found = await frame.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.dataset.path} ${tr.dataset.filled}/${tr.dataset.total}`));
        note(found);
        return found.length >= 4 ? found : false;
      }, { timeout: 30_000 });
      const expected = JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: ui.workspace, encoding: 'utf8' }).stdout)
        .files.map((f) => `${f.path} ${f.completion.filled}/${f.completion.total}`);
      assert(JSON.stringify([...rows].sort()) === JSON.stringify([...expected].sort()), `overview ${JSON.stringify(rows)} ≠ check ${JSON.stringify(expected)}`);
      assert(await frame.locator('section.group').count() === 2, 'one table per template');
      // The whole width for the picture: the sidebar hidden (Ctrl+B), then shown again.
      await ui.page.keyboard.press('Control+B');
      await shot();
      await ui.page.keyboard.press('Control+B');
      // Keyboard: focus the cell of section 9 of two-missing-sections.md and press Enter.
      const cell = frame.locator('tr[data-path="two-missing-sections.md"] button[aria-label^="9. AI/ML"]');
      await cell.focus({ timeout: WAIT_MS });
      await ui.page.keyboard.press('Enter');
      await ui.waitActiveTab('two-missing-sections.md');
      await ui.waitEditorText('the editor at "## 9. AI/ML 아키텍처"', (t) => t.includes('## 9. AI/ML 아키텍처'));
    },
  },
  {
    name: 'html-report',
    title: '`archdoc report --history` writes one HTML file that Chromium renders offline with check\'s completion',
    async run(ui, { shot }) {
      // The workspace's documents in a git repository where architecture.md grew over three commits.
      const repo = path.join(ui.workspace, '..', 'report-repo');
      fs.mkdirSync(repo, { recursive: true });
      const env = { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com' };
      const git = (...args) => {
        const r = spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8', env });
        assert(r.status === 0, `git ${args.join(' ')}: ${r.stderr}`);
      };
      git('init', '-q');
      const versions = ['draft.md', 'quick-fix.md', 'two-missing-sections.md'];
      versions.forEach((name, i) => {
        fs.copyFileSync(path.join(ui.workspace, name), path.join(repo, 'architecture.md'));
        git('add', '.');
        git('commit', '-q', '-m', `architecture: step ${i + 1}`, `--date=2026-0${i + 1}-15T10:00:00Z`);
      });
      fs.copyFileSync(path.join(ui.workspace, 'adr-0001-cache.md'), path.join(repo, 'adr-0001-cache.md'));
      git('add', '.');
      git('commit', '-q', '-m', 'first decision', '--date=2026-03-20T10:00:00Z');
      const file = path.join(repo, 'report.html');
      const made = spawnSync(process.execPath, [CLI, 'report', '--history', '--format', 'html', '-o', file, '.'], { cwd: repo, encoding: 'utf8' });
      assert(made.status === 0, `archdoc report failed: ${made.stderr}`);
      const page = await ui.page.context().newPage();
      try {
        const remote = [];
        await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (remote.push(route.request().url()), route.abort())));
        await page.setViewportSize({ width: 1400, height: 820 });
        await page.goto(`file://${file}`);
        const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => `${tr.dataset.path} ${tr.dataset.filled}/${tr.dataset.total} ${tr.querySelector('.percent').textContent}`));
        const expected = JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: repo, encoding: 'utf8' }).stdout).files
          .map((f) => `${f.path} ${f.completion.filled}/${f.completion.total} ${f.completion.total === 0 ? 100 : Math.floor((100 * f.completion.filled) / f.completion.total)}%`);
        assert(JSON.stringify([...rows].sort()) === JSON.stringify([...expected].sort()), `report ${JSON.stringify(rows)} ≠ check ${JSON.stringify(expected)}`);
        assert(remote.length === 0, `the report loaded remote content: ${remote.join(', ')}`);
        assert(await page.evaluate(() => document.scripts.length) === 0, 'the report has a script');
        const chart = await page.$eval('svg.chart', (svg) => svg.getAttribute('aria-label'));
        assert(/architecture\.md: Completion over 3 commit\(s\): 2% on 2026-01-15, 96% on 2026-03-15/u.test(chart), `chart: ${chart}`);
        await shot(page);
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'demo',
    session: 'demo',
    title: 'npm run demo opens the sample as the workspace file: squiggles in its editor, a problem opens no second tab',
    async run(ui, { shot }) {
      await ui.waitActiveTab(DEMO_FILE, STARTUP_WAIT_MS);
      await ui.waitEditorText(`the text of ${DEMO_FILE}`, (text) => text.includes('High Level 아키텍처 정의서'));
      await ui.waitProblems(`the findings of ${DEMO_FILE}`, (t) => t.includes(DEMO_FILE) && t.includes('empty-field'));
      const squiggles = await waitUntil('squiggles in the editor the demo opened', async (note) => {
        const look = await ui.editorLook();
        note(look);
        return look?.squiggles > 0 ? look.squiggles : false;
      });
      assert(squiggles > 0, 'no squiggles');
      // The first finding's row (the row after the file's own row) opens it: in the same editor, not a second tab.
      await ui.page.locator('.markers-panel .monaco-list-row').nth(1).click({ timeout: WAIT_MS });
      await sleep(1_000);
      const tabs = await ui.tabs();
      assert(tabs.length === 1 && tabs[0].includes(DEMO_FILE), `tabs after clicking a problem: ${JSON.stringify(tabs)}`);
      await shot();
    },
  },
  {
    name: 'korean',
    locale: 'ko',
    title: 'with --locale ko: command title, view and messages in Korean',
    async run(ui) {
      await ui.openFile('quick-fix.md');
      await ui.showArchitectureView('아키텍처', '작성 현황', STARTUP_WAIT_MS);
      await ui.widenSidebar(440);
      await waitUntil('the Korean tree', async (note) => {
        const r = await ui.treeRows();
        note(r.slice(0, 6));
        return r.some((row) => row.description === '18행');
      });
      const rows = await ui.treeRows();
      // The tree shows a slot by its short label (the full Korean message is its tooltip and the Problems entry).
      assert(rows.some((r) => r.label === '외부 시스템 연동' && r.description === '18행'),
        `no Korean slot row: ${JSON.stringify(rows.slice(0, 6))}`);
      await ui.waitProblems('Korean messages', (t) => t.includes('"외부 시스템 연동" 필드가 비어 있습니다.') && t.includes('empty-field'));
      await ui.openQuickInput('Control+Shift+P');
      await ui.page.locator('.quick-input-widget input').fill('>아키텍처 템플릿');
      await waitUntil('"archdoc: 아키텍처 템플릿 삽입" in the command palette',
        async () => (await ui.quickInputRows()).some((r) => norm(r.label) === 'archdoc: 아키텍처 템플릿 삽입'));
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------

function buildVsix() {
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  const vsix = path.join(ROOT, 'archdoc.vsix');
  say(`built ${path.relative(ROOT, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB) in ${secs(Date.now() - started)}`);
  // Budgets of SPEC §5 and issue 5: the minified extension bundle ≤ 400 KB, the .vsix under 1 MB.
  const bundle = fs.statSync(path.join(ROOT, 'out/extension.js')).size;
  if (bundle > 400 * 1024) throw new Error(`out/extension.js is ${Math.round(bundle / 1024)} KB minified (budget 400 KB)`);
  if (fs.statSync(vsix).size >= 1024 * 1024) throw new Error('archdoc.vsix is 1 MB or more');
  return vsix;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  const started = Date.now();
  const deadline = started + opts.timeoutMs;

  const sessions = [];
  const cleanup = () => Promise.all(sessions.map((s) => s.cleanup()));
  const result = { passed: 0, failed: 0 };
  let stopping = false;
  // Signals and the overall timeout: stop everything, still end with the result line (the run counts as failed).
  const abort = (why, code) => {
    if (stopping) return;
    stopping = true;
    log(why);
    cleanup().finally(() => {
      say(resultLine({ passed: result.passed, failed: result.failed + 1 }));
      process.exit(code);
    });
  };
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) process.on(sig, () => abort(`${sig}: stopping`, code));
  process.on('uncaughtException', (e) => abort(`ERROR: ${e?.stack || e}`, 1));
  process.on('unhandledRejection', (e) => abort(`ERROR: ${e?.stack || e}`, 1));
  const overall = setTimeout(() => abort(`ERROR: timed out after ${opts.timeoutMs} ms`, 1), opts.timeoutMs);

  const tests = TESTS.filter((t) => !opts.only || opts.only.includes(t.name));
  if (opts.only) for (const n of opts.only) if (!TESTS.some((t) => t.name === n)) usage(`unknown test ${n}`);
  const shotsDir = opts.shots ?? path.join(systemTmp(), 'archdoc-e2e-screenshots');
  if (!opts.shots) fs.rmSync(shotsDir, { recursive: true, force: true });
  fs.mkdirSync(shotsDir, { recursive: true });
  const readmeDir = path.join(ROOT, 'media/screenshots');

  try {
    ensureHost();
    const vsix = opts.vsix ?? buildVsix();
    const files = workspaceFiles();

    // One workbench per kind of session: English, Korean (--locale ko), and the demo's own startup.
    for (const kind of ['en', 'ko', 'demo']) {
      if (stopping) break;
      const group = tests.filter((t) => (t.session ?? t.locale ?? 'en') === kind);
      if (group.length === 0) continue;
      let ui;
      try {
        const stopped = () => stopping;
        ui = kind === 'demo'
          ? await startDemoSession({ vsix, deadline, sessions, stopped })
          : await startSession({ locale: kind === 'en' ? undefined : kind, vsix, files, deadline, sessions, stopped });
        if (kind === 'en') {
          await ui.showArchitectureView('Architecture', 'Completeness', STARTUP_WAIT_MS);
          await ui.widenSidebar(440);
        }
      } catch (e) {
        if (stopping) break;
        for (const t of group) { say(`✘ ${t.name}: the workbench did not start: ${brief(e)}`); result.failed++; }
        await sessions.at(-1)?.cleanup();
        continue;
      }
      for (const test of group) {
        if (stopping) break;
        const t0 = Date.now();
        say(`▶ ${test.name}: ${test.title}`);
        let shotTaken = false;
        // A picture of the workbench, or of another page the test opened.
        const shot = async (page = ui.page) => {
          await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // no hover tooltip in the picture
          await ui.settle();
          const file = path.join(shotsDir, `${test.name}.png`);
          await page.screenshot({ path: file });
          if (opts.update && README_SHOTS.includes(test.name)) {
            fs.mkdirSync(readmeDir, { recursive: true });
            fs.copyFileSync(file, path.join(readmeDir, `${test.name}.png`));
          }
          shotTaken = true;
        };
        let timer;
        try {
          await Promise.race([
            (async () => {
              await test.run(ui, { shot });
              if (!shotTaken) await shot();
            })(),
            new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`test timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS); }),
          ]);
          result.passed++;
          say(`✔ ${test.name} (${secs(Date.now() - t0)})`);
        } catch (e) {
          if (stopping) break;
          result.failed++;
          say(`✘ ${test.name} (${secs(Date.now() - t0)}): ${brief(e)}`);
          await ui.page.screenshot({ path: path.join(shotsDir, `${test.name}-failure.png`) }).catch(() => {});
        } finally {
          clearTimeout(timer);
        }
        if (!stopping) await Promise.race([ui.reset(), sleep(WAIT_MS)]).catch((e) => log(`reset after ${test.name}: ${e.message}`));
      }
      await sessions.at(-1).cleanup();
    }
  } catch (e) {
    if (!stopping) log(`ERROR: ${e.message}`);
    result.failed++;
  } finally {
    clearTimeout(overall);
    await cleanup();
  }
  if (stopping) return new Promise(() => {}); // the signal handler exits
  say(`screenshots: ${shotsDir}${opts.update ? ` (README pictures: ${path.relative(ROOT, readmeDir)}/)` : ''}`);
  say(`total ${secs(Date.now() - started)}`);
  say(resultLine(result));
  return result.failed > 0 || result.passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
