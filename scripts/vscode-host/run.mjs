#!/usr/bin/env node
// Runs a mocha suite inside the real VS Code extension host: code-server 4.100.3 (= VS Code 1.100.3, Node
// extension host) with its web workbench opened by Debian's chromium through playwright-core. The workbench is
// needed only because the extension host starts when a workbench connects; the tests themselves run in Node.
//
// usage: node scripts/vscode-host/run.mjs --extension <absDir> --tests <abs suite index.js> --workspace <absDir>
//                                          [--locale ko] [--timeout-ms N]
// Install the host first with scripts/vscode-host/ensure.sh. Set ARCHDOC_HOST_VERBOSE=1 to also see the
// code-server and browser logs, ARCHDOC_HOST_KEEP_TMP=1 to keep the run's temp dir (profile, logs). Prints `N passed, N failed[, N skipped]` last; exits non-zero on any failure,
// when no test ran, or on timeout.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOST_DIR = path.join(ROOT, 'test/host');
const CODE_SERVER_ENTRY = path.join(HOST_DIR, 'node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.ARCHDOC_CHROMIUM || '/usr/bin/chromium';
const VERBOSE = !!process.env.ARCHDOC_HOST_VERBOSE;

const STARTUP_TIMEOUT_MS = 60_000; // code-server answering /healthz
const KILL_GRACE_MS = 5_000;

// Workbench messages that reach codeAutomationLog on every run and say nothing about the tests. Note there is
// no internet here, so the marketplace (open-vsx) lookups fail.
const WORKBENCH_NOISE = [
  /^Resolving connection token /, /^Resolved connection token /, /^Creating a socket \(/,
  /^Updating additional builtin extensions cache$/, /^\[Service Worker\] /, /^ChatSessionStore: /,
  /ENOTFOUND open-vsx\.org/,
];

const log = (...a) => console.error('[vscode-host]', ...a);

function parseArgs(argv) {
  const opts = { locale: undefined, timeoutMs: 300_000 };
  const take = (i) => {
    if (i + 1 >= argv.length) usage(`missing value for ${argv[i]}`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i += 2) {
    switch (argv[i]) {
      case '--extension': opts.extension = take(i); break;
      case '--tests': opts.tests = take(i); break;
      case '--workspace': opts.workspace = take(i); break;
      case '--locale': opts.locale = take(i); break;
      case '--timeout-ms': opts.timeoutMs = Number(take(i)); break;
      case '-h': case '--help': usage();
      default: usage(`unknown argument ${argv[i]}`);
    }
  }
  for (const k of ['extension', 'tests', 'workspace']) {
    if (!opts[k]) usage(`--${k} is required`);
    if (!path.isAbsolute(opts[k])) usage(`--${k} must be an absolute path: ${opts[k]}`);
    if (!fs.existsSync(opts[k])) usage(`--${k} does not exist: ${opts[k]}`);
  }
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
  return opts;
}

function usage(msg) {
  if (msg) console.error(`run.mjs: ${msg}`);
  console.error('usage: node scripts/vscode-host/run.mjs --extension <absDir> --tests <abs path to suite index.js> '
    + '--workspace <absDir> [--locale ko] [--timeout-ms N]');
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function fetchText(url, timeoutMs = 2_000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

// Mocha's summary ("N passing (12ms)", "N failing", "N pending"); summed in case the suite runs mocha twice.
function createTally() {
  const t = { passed: 0, failed: 0, pending: 0, sawSummary: false };
  const ansi = /\x1b\[[0-9;]*m/g;
  t.feed = (line) => {
    const s = line.replace(ansi, '');
    let m;
    if ((m = /^\s*(\d+) passing \(\d+(?:\.\d+)?(?:ms|s|m)\)\s*$/.exec(s))) { t.passed += +m[1]; t.sawSummary = true; }
    else if ((m = /^\s*(\d+) failing\s*$/.exec(s))) t.failed += +m[1];
    else if ((m = /^\s*(\d+) pending\s*$/.exec(s))) t.pending += +m[1];
  };
  t.line = () => `${t.passed} passed, ${t.failed} failed${t.pending > 0 ? `, ${t.pending} skipped` : ''}`;
  return t;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error('code-server is not installed: run scripts/vscode-host/ensure.sh');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/vscode-host/ensure.sh`);
  const requireHost = createRequire(path.join(HOST_DIR, 'package.json'));
  const { chromium } = requireHost('playwright-core');

  const tally = createTally();
  const state = { server: null, serverExit: null, context: null, tmp: null, cleaned: false };

  // Cleanup must run on success, error, timeout and signals alike; it is idempotent.
  const cleanup = async () => {
    if (state.cleaned) return;
    state.cleaned = true;
    if (state.context) {
      await Promise.race([state.context.close().catch(() => {}), sleep(KILL_GRACE_MS)]);
    }
    if (state.server && state.serverExit === null) {
      killGroup(state.server.pid, 'SIGTERM');
      const exited = await Promise.race([state.serverExited.then(() => true), sleep(KILL_GRACE_MS).then(() => false)]);
      if (!exited) killGroup(state.server.pid, 'SIGKILL');
    }
    // A SIGTERMed group leader can exit before its children (file watcher, language servers): sweep the group.
    if (state.server) killGroup(state.server.pid, 'SIGKILL');
    if (state.tmp && process.env.ARCHDOC_HOST_KEEP_TMP) log(`kept ${state.tmp}`);
    else if (state.tmp) {
      try { fs.rmSync(state.tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }); }
      catch (e) { log(`could not remove ${state.tmp}: ${e.message}`); }
    }
  };

  let signalled = false;
  const onSignal = (sig) => {
    if (signalled) return;
    signalled = true;
    log(`${sig}: stopping`);
    cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  let exitCode = 1;
  try {
    exitCode = await runOnce(opts, requireHost, chromium, tally, state);
  } catch (e) {
    log(`ERROR: ${e.message}`);
    exitCode = 1;
  } finally {
    await cleanup();
  }

  if (!tally.sawSummary) log('ERROR: no mocha summary seen: no test ran');
  else if (tally.passed + tally.failed === 0) log('ERROR: no test ran');
  if (tally.failed > 0 || !tally.sawSummary || tally.passed + tally.failed === 0) exitCode = exitCode || 1;
  console.log(tally.line());
  return exitCode;
}

// VS Code resolves --locale only through an installed language pack (else it falls back to 'en', and so do
// vscode.env.language and the extension's l10n bundles). Marketplace packs are out of reach offline, so install
// an empty pack for the locale: untranslated core UI, but the extension host runs with env.language = locale.
function installStubLanguagePack(extDir, userData, locale) {
  const id = `archdoc-stub-language-pack-${locale.toLowerCase()}`;
  const dir = path.join(extDir, `archdoc.${id}-0.0.1`);
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: id, publisher: 'archdoc', version: '0.0.1', engines: { vscode: '^1.100.0' },
    contributes: {
      localizations: [{
        languageId: locale, languageName: locale, localizedLanguageName: locale,
        translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
      }],
    },
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'translations/main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  // Extension folders missing from the profile manifest are deleted at startup, so register it there too.
  fs.writeFileSync(path.join(extDir, 'extensions.json'), JSON.stringify([{
    identifier: { id: `archdoc.${id}` },
    version: '0.0.1',
    location: { $mid: 1, path: dir, scheme: 'file' },
    relativeLocation: path.basename(dir),
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  }]));
  // The server builds languagepacks.json lazily, after the first page already resolved its locale: pre-seed it.
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `archdoc-stub-${locale}`,
      extensions: [{ extensionIdentifier: { id: `archdoc.${id}` }, version: '0.0.1' }],
      translations: { vscode: path.join(dir, 'translations/main.i18n.json') },
      label: locale,
    },
  }));
}

function killGroup(pid, sig) {
  try { process.kill(-pid, sig); } catch { /* already gone */ }
}

async function runOnce(opts, requireHost, chromium, tally, state) {
  const started = Date.now();
  const deadline = started + opts.timeoutMs;
  const remaining = () => deadline - Date.now();

  // One fresh folder per run: profile, extensions, XDG dirs and TMPDIR (where code-server puts its
  // vscode-ipc-*.sock / vscode-git-*.sock). Kept short: unix socket paths are limited to 107 bytes.
  state.tmp = fs.mkdtempSync(path.join(os.tmpdir().length > 40 ? '/tmp' : os.tmpdir(), 'archdoc-vsh-'));
  const dir = (name) => { const d = path.join(state.tmp, name); fs.mkdirSync(d, { recursive: true }); return d; };
  const [userData, extDir, xdgConfig, xdgData, xdgCache, xdgState, serverTmp, browserProfile] =
    ['user-data', 'extensions', 'xdg/config', 'xdg/data', 'xdg/cache', 'xdg/state', 'tmp', 'chromium'].map(dir);

  if (opts.locale && !opts.locale.toLowerCase().startsWith('en')) installStubLanguagePack(extDir, userData, opts.locale);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const env = { ...process.env };
  // Don't let an enclosing VS Code / Electron / code-server session leak into the one under test.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || ['PASSWORD', 'HASHED_PASSWORD', 'CODE_SERVER_CONFIG', 'PORT'].includes(k)) {
      delete env[k];
    }
  }
  Object.assign(env, {
    TMPDIR: serverTmp, TMP: serverTmp, TEMP: serverTmp,
    XDG_CONFIG_HOME: xdgConfig, XDG_DATA_HOME: xdgData, XDG_CACHE_HOME: xdgCache, XDG_STATE_HOME: xdgState,
    XDG_RUNTIME_DIR: serverTmp,
  });

  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userData,
    '--extensions-dir', extDir,
    '--config', path.join(state.tmp, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-file-downloads',
    '--disable-proxy',
    '--ignore-last-opened',
    ...(opts.locale ? ['--locale', opts.locale] : []),
    opts.workspace,
  ];
  const serverLog = path.join(state.tmp, 'code-server.log');
  const serverLogFd = fs.openSync(serverLog, 'a');
  // detached => own process group, so the whole tree (ext host, watchers, language servers) can be killed.
  state.server = spawn(process.execPath, args, {
    cwd: opts.workspace, env, detached: true, stdio: ['ignore', serverLogFd, serverLogFd],
  });
  fs.closeSync(serverLogFd);
  state.serverExited = new Promise((resolve) => state.server.once('exit', (code, sig) => {
    state.serverExit = { code, sig };
    resolve();
  }));
  const tailServerLog = () => {
    try { return fs.readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n'); } catch { return ''; }
  };

  // Wait for /healthz.
  const startupDeadline = Math.min(deadline, Date.now() + STARTUP_TIMEOUT_MS);
  for (;;) {
    if (state.serverExit) throw new Error(`code-server exited during startup (${JSON.stringify(state.serverExit)}):\n${tailServerLog()}`);
    if (Date.now() > startupDeadline) throw new Error(`code-server did not answer /healthz in time:\n${tailServerLog()}`);
    try { await fetchText(`${base}/healthz`, 1_000); break; } catch { await sleep(200); }
  }
  if (VERBOSE) log(`code-server up on ${base} after ${Date.now() - started} ms`);

  // The payload URIs must use the server's remote authority (127.0.0.1:PORT on 4.100.3, but read it anyway).
  let authority = `127.0.0.1:${port}`;
  try {
    const html = (await fetchText(`${base}/?ew=true`, 10_000)).replace(/&quot;/g, '"');
    const m = /"remoteAuthority":"([^"]+)"/.exec(html);
    if (m) authority = m[1];
  } catch (e) {
    log(`could not read remoteAuthority (${e.message}); using ${authority}`);
  }
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extension)],
    ['extensionTestsPath', remote(opts.tests)],
  ];
  const url = `${base}/?folder=${encodeURIComponent(opts.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  state.context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: Math.max(1_000, Math.min(60_000, remaining())),
    locale: opts.locale,
    env: { ...process.env, TMPDIR: serverTmp, XDG_CONFIG_HOME: xdgConfig, XDG_CACHE_HOME: xdgCache },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ...(opts.locale ? [`--lang=${opts.locale}`] : [])],
  });
  const page = state.context.pages()[0] ?? await state.context.newPage();

  let resolveExit;
  const testExit = new Promise((r) => { resolveExit = r; });
  // The workbench's logger calls this with (level, consoleArgs): the extension host's console output (mocha's
  // reporter included) and the workbench's own info-level chatter, which we hide unless verbose.
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    if (!VERBOSE && WORKBENCH_NOISE.some((re) => re.test(text))) return;
    const out = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
    for (const line of text.split(/\r?\n/)) {
      tally.feed(line);
      out.write(`${line}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => { resolveExit(typeof code === 'number' ? code : 1); });
  if (VERBOSE) {
    page.on('console', (m) => log(`[browser ${m.type()}] ${m.text()}`));
  }
  page.on('pageerror', (e) => log(`[browser pageerror] ${e.message}`));

  // These settle during cleanup too, after the race is decided: keep their rejections handled.
  const failWhen = (promise, why) => {
    const p = promise.then(() => { throw new Error(why()); });
    p.catch(() => {});
    return p;
  };
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${opts.timeoutMs} ms waiting for the test run to finish`)), remaining());
  });
  timeout.catch(() => {});
  const crashed = new Promise((r) => page.once('crash', r));
  const closed = new Promise((r) => state.context.once('close', r));

  try {
    await Promise.race([
      page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1_000, remaining()) }),
      timeout,
    ]);
    const code = await Promise.race([
      testExit,
      timeout,
      failWhen(state.serverExited, () => `code-server exited during the run (${JSON.stringify(state.serverExit)}):\n${tailServerLog()}`),
      failWhen(crashed, () => 'the browser page crashed'),
      failWhen(closed, () => 'the browser closed unexpectedly'),
    ]);
    if (VERBOSE) log(`tests finished with exit code ${code} after ${Date.now() - started} ms`);
    if (VERBOSE) log(`code-server log:\n${tailServerLog()}`);
    return code;
  } catch (e) {
    if (VERBOSE) log(`code-server log:\n${tailServerLog()}`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => { log(`ERROR: ${e?.stack || e}`); console.log('0 passed, 0 failed'); process.exit(1); },
);
