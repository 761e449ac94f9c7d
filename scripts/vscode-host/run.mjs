#!/usr/bin/env node
// Runs a mocha suite inside the real VS Code extension host: code-server 4.100.3 (= VS Code 1.100.3, Node
// extension host) with its web workbench opened by Debian's chromium through playwright-core. The workbench is
// needed only because the extension host starts when a workbench connects; the tests themselves run in Node.
//
// usage: node scripts/vscode-host/run.mjs --extension <absDir> --tests <abs suite index.js> --workspace <absDir>
//                                          [--locale ko] [--timeout-ms N]
// Install the host first with scripts/vscode-host/ensure.sh. The current environment (ARCHDOC_TEST_* included)
// reaches the extension host. ARCHDOC_HOST_VERBOSE=1 also shows code-server's and the browser's logs;
// ARCHDOC_HOST_KEEP_TMP=1 keeps the run's temp dir (profile, logs) for debugging.
// Prints `N passed, N failed[, N skipped]` last; exits non-zero on any failure, if no test ran, or on timeout.
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
const KEEP_TMP = !!process.env.ARCHDOC_HOST_KEEP_TMP;

const STARTUP_TIMEOUT_MS = 60_000; // code-server answering /healthz
const KILL_GRACE_MS = 5_000;

// Workbench messages that reach codeAutomationLog on every run and say nothing about the tests (there is no
// internet here, so the marketplace lookups fail).
const WORKBENCH_NOISE = [
  /^Resolving connection token /, /^Resolved connection token /, /^Creating a socket \(/,
  /^Updating additional builtin extensions cache$/, /^\[Service Worker\] /, /^ChatSessionStore: /,
  /ENOTFOUND open-vsx\.org/,
];

// Runs code-server as its child inside the detached process group and kills that whole group when the runner's
// end of its stdin pipe closes, so even a SIGKILLed runner leaves no code-server, extension host or watcher.
const WATCHDOG = `
const { spawn } = require('child_process');
const child = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
const killGroup = () => { try { process.kill(0, 'SIGKILL'); } catch {} };
process.stdin.on('end', killGroup).on('error', killGroup).resume();
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, sig) => process.exit(code ?? 1));
`;

const log = (...a) => process.stderr.write(`[vscode-host] ${format(...a)}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function usage(msg) {
  if (msg) console.error(`run.mjs: ${msg}`);
  console.error('usage: node scripts/vscode-host/run.mjs --extension <absDir> --tests <abs path to suite index.js> '
    + '--workspace <absDir> [--locale ko] [--timeout-ms N]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { locale: undefined, timeoutMs: 300_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    if (flag === '-h' || flag === '--help') usage();
    if (i + 1 >= argv.length) usage(`missing value for ${flag}`);
    const value = argv[i + 1];
    switch (flag) {
      case '--extension': opts.extension = value; break;
      case '--tests': opts.tests = value; break;
      case '--workspace': opts.workspace = value; break;
      case '--locale': opts.locale = value; break;
      case '--timeout-ms': opts.timeoutMs = Number(value); break;
      default: usage(`unknown argument ${flag}`);
    }
  }
  for (const k of ['extension', 'tests', 'workspace']) {
    if (!opts[k]) usage(`--${k} is required`);
    if (!path.isAbsolute(opts[k])) usage(`--${k} must be an absolute path: ${opts[k]}`);
    if (!fs.existsSync(opts[k])) usage(`--${k} does not exist: ${opts[k]}`);
  }
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
  if (opts.locale !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(opts.locale)) usage(`bad --locale ${opts.locale}`);
  return opts;
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

async function fetchText(url, timeoutMs) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

// Mocha's summary ("N passing (12ms)", "N failing", "N pending"); summed in case the suite runs mocha twice.
function createTally() {
  const t = { passed: 0, failed: 0, pending: 0, sawSummary: false };
  t.feed = (line) => {
    const s = line.replace(/\x1b\[[0-9;]*m/g, '');
    let m;
    if ((m = /^\s*(\d+) passing \(\d+(?:\.\d+)?(?:ms|s|m)\)\s*$/.exec(s))) { t.passed += +m[1]; t.sawSummary = true; }
    else if ((m = /^\s*(\d+) failing\s*$/.exec(s))) t.failed += +m[1];
    else if ((m = /^\s*(\d+) pending\s*$/.exec(s))) t.pending += +m[1];
  };
  t.line = () => `${t.passed} passed, ${t.failed} failed${t.pending > 0 ? `, ${t.pending} skipped` : ''}`;
  return t;
}

// VS Code resolves --locale only through an installed language pack, else everything (vscode.env.language, the
// extension's l10n bundles) falls back to 'en'. Marketplace packs are out of reach offline, so install an empty
// pack: the core UI stays English, but the extension host runs with env.language = locale.
function installStubLanguagePack(extDir, userData, locale) {
  const id = `archdoc-stub-language-pack-${locale.toLowerCase()}`;
  const dir = path.join(extDir, `archdoc.${id}-0.0.1`);
  const translations = path.join(dir, 'translations/main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: id, publisher: 'archdoc', version: '0.0.1', engines: { vscode: '^1.100.0' },
    contributes: {
      localizations: [{
        languageId: locale, languageName: locale, localizedLanguageName: locale,
        translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
      }],
    },
  }));
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  // Extension folders missing from the profile's manifest are deleted at startup, so register it there too.
  fs.writeFileSync(path.join(extDir, 'extensions.json'), JSON.stringify([{
    identifier: { id: `archdoc.${id}` },
    version: '0.0.1',
    location: { $mid: 1, path: dir, scheme: 'file' },
    relativeLocation: path.basename(dir),
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  }]));
  // The server writes languagepacks.json lazily, after the first page has already resolved its locale: pre-seed it.
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `archdoc-stub-${locale}`,
      extensions: [{ extensionIdentifier: { id: `archdoc.${id}` }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: locale,
    },
  }));
}

// A runner killed with SIGKILL cannot delete its temp dir (the watchdog still stops its processes): the next
// run removes dirs whose runner is gone.
function removeStaleRunDirs(base) {
  for (const name of fs.readdirSync(base)) {
    if (!name.startsWith('archdoc-vsh-')) continue;
    const dir = path.join(base, name);
    let pid;
    try { pid = Number(fs.readFileSync(path.join(dir, 'runner.pid'), 'utf8')); } catch { continue; }
    try { process.kill(pid, 0); continue; } catch (e) { if (e.code !== 'ESRCH') continue; }
    try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* someone else's; leave it */ }
  }
}

function killGroup(pgid, sig) {
  try { process.kill(-pgid, sig); } catch { /* already gone */ }
}

// Everything a run starts, and how to undo it. cleanup() is memoized: the normal path, errors and signals all
// await the same teardown, so the process never exits half-way through it.
function createResources() {
  const r = { tmp: null, server: null, serverExit: null, serverExited: null, context: null, cleanupPromise: null };
  r.cleanup = () => (r.cleanupPromise ??= (async () => {
    if (r.context) await Promise.race([r.context.close().catch(() => {}), sleep(KILL_GRACE_MS)]);
    if (r.server) {
      if (r.serverExit === null) {
        killGroup(r.server.pid, 'SIGTERM');
        await Promise.race([r.serverExited, sleep(KILL_GRACE_MS)]);
      }
      // Children (extension host, file watcher, language servers) may outlive code-server: sweep the group.
      killGroup(r.server.pid, 'SIGKILL');
      r.server.stdin?.destroy();
    }
    if (r.tmp && KEEP_TMP) log(`kept ${r.tmp}`);
    else if (r.tmp) {
      try { fs.rmSync(r.tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }); }
      catch (e) { log(`could not remove ${r.tmp}: ${e.message}`); }
    }
  })());
  return r;
}

async function runTests(opts, res, tally) {
  const requireHost = createRequire(path.join(HOST_DIR, 'package.json'));
  const { chromium } = requireHost('playwright-core');
  const started = Date.now();
  const deadline = started + opts.timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());

  // One fresh folder per run: profile, extensions, XDG dirs and TMPDIR (where code-server puts its
  // vscode-ipc-*.sock / vscode-git-*.sock). Kept short: unix socket paths are limited to 107 bytes.
  const base = os.tmpdir().length > 40 ? '/tmp' : os.tmpdir();
  removeStaleRunDirs(base);
  res.tmp = fs.mkdtempSync(path.join(base, 'archdoc-vsh-'));
  fs.writeFileSync(path.join(res.tmp, 'runner.pid'), String(process.pid));
  const mk = (name) => { const d = path.join(res.tmp, name); fs.mkdirSync(d, { recursive: true }); return d; };
  const userData = mk('user-data');
  const extDir = mk('extensions');
  const xdg = { config: mk('xdg/config'), data: mk('xdg/data'), cache: mk('xdg/cache'), state: mk('xdg/state') };
  const runTmp = mk('tmp');
  const browserProfile = mk('chromium');
  // playwright-core keeps its own scratch dir in this process's temp dir: keep it inside ours too.
  process.env.TMPDIR = runTmp;

  if (opts.locale && !opts.locale.toLowerCase().startsWith('en')) installStubLanguagePack(extDir, userData, opts.locale);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;

  const env = { ...process.env };
  // Keep an enclosing VS Code / Electron / code-server session from leaking into the one under test.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || ['PASSWORD', 'HASHED_PASSWORD', 'CODE_SERVER_CONFIG', 'PORT'].includes(k)) {
      delete env[k];
    }
  }
  Object.assign(env, {
    TMPDIR: runTmp, TMP: runTmp, TEMP: runTmp, XDG_RUNTIME_DIR: runTmp,
    XDG_CONFIG_HOME: xdg.config, XDG_DATA_HOME: xdg.data, XDG_CACHE_HOME: xdg.cache, XDG_STATE_HOME: xdg.state,
  });

  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userData,
    '--extensions-dir', extDir,
    '--config', path.join(res.tmp, 'config.yaml'),
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
  const serverLog = path.join(res.tmp, 'code-server.log');
  const serverLogFd = fs.openSync(serverLog, 'a');
  // detached => its own process group, killed as a whole at the end.
  res.server = spawn(process.execPath, ['-e', WATCHDOG, ...args], {
    cwd: opts.workspace, env, detached: true, stdio: ['pipe', serverLogFd, serverLogFd],
  });
  fs.closeSync(serverLogFd);
  res.server.stdin.on('error', () => {});
  res.serverExited = new Promise((resolve) => res.server.once('exit', (code, signal) => {
    res.serverExit = { code, signal };
    resolve();
  }));
  const serverLogTail = () => {
    try { return fs.readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n'); } catch { return ''; }
  };

  const startupDeadline = Math.min(deadline, Date.now() + STARTUP_TIMEOUT_MS);
  for (;;) {
    if (res.serverExit) throw new Error(`code-server exited during startup (${JSON.stringify(res.serverExit)}):\n${serverLogTail()}`);
    if (Date.now() > startupDeadline) throw new Error(`code-server did not answer /healthz in time:\n${serverLogTail()}`);
    try { await fetchText(`${origin}/healthz`, 1_000); break; } catch { await sleep(200); }
  }
  if (VERBOSE) log(`code-server up on ${origin} after ${Date.now() - started} ms`);

  // The payload URIs must carry the server's remote authority (127.0.0.1:PORT on 4.100.3, but read it anyway).
  let authority = `127.0.0.1:${port}`;
  try {
    const html = (await fetchText(`${origin}/?ew=true`, 10_000)).replace(/&quot;/g, '"');
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
  const url = `${origin}/?folder=${encodeURIComponent(opts.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  res.context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: Math.min(60_000, remaining()),
    // Playwright's own handlers would process.exit() before our cleanup has stopped code-server.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    locale: opts.locale,
    env: { ...process.env, XDG_CONFIG_HOME: xdg.config, XDG_CACHE_HOME: xdg.cache },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = res.context.pages()[0] ?? await res.context.newPage();

  // The workbench's logger calls this with (level, consoleArgs): the extension host's console output (mocha's
  // reporter included) plus the workbench's own info chatter, hidden unless verbose.
  await page.exposeFunction('codeAutomationLog', (level, logArgs) => {
    const text = Array.isArray(logArgs) ? format(...logArgs) : String(logArgs);
    if (!VERBOSE && WORKBENCH_NOISE.some((re) => re.test(text))) return;
    const out = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
    for (const line of text.split(/\r?\n/)) {
      tally.feed(line);
      out.write(`${line}\n`);
    }
  });
  let resolveExit;
  const testsDone = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(typeof code === 'number' ? code : 1));
  if (VERBOSE) page.on('console', (m) => log(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log(`[browser pageerror] ${e.message}`));

  // Each of these ends the wait with a clear error. They also settle during cleanup, after the race is decided,
  // so their rejections are pre-handled.
  const failWhen = (promise, why) => {
    const p = promise.then(() => { throw new Error(why()); });
    p.catch(() => {});
    return p;
  };
  let timer;
  const timedOut = new Promise((r) => { timer = setTimeout(r, remaining()); });
  const failures = [
    failWhen(timedOut, () => `timed out after ${opts.timeoutMs} ms waiting for the test run to finish`),
    failWhen(res.serverExited, () => `code-server exited during the run (${JSON.stringify(res.serverExit)}):\n${serverLogTail()}`),
    failWhen(new Promise((r) => page.once('crash', r)), () => 'the browser page crashed'),
    failWhen(new Promise((r) => res.context.once('close', r)), () => 'the browser closed unexpectedly'),
  ];
  try {
    await Promise.race([page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() }), ...failures]);
    const code = await Promise.race([testsDone, ...failures]);
    if (VERBOSE) log(`tests finished with exit code ${code} after ${Date.now() - started} ms`);
    return code;
  } finally {
    clearTimeout(timer);
    if (VERBOSE) log(`code-server log:\n${serverLogTail()}`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // A closed stdout (e.g. piped into `head`) must not kill the runner before it has cleaned up.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});

  const tally = createTally();
  const res = createResources();
  let exitCode = 1;
  let stopping = false;
  const abort = (why, code) => {
    if (stopping) return;
    stopping = true;
    log(why);
    res.cleanup().finally(() => process.exit(code));
  };
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => abort(`${sig}: stopping`, code));
  }
  process.on('uncaughtException', (e) => abort(`ERROR: ${e?.stack || e}`, 1));
  process.on('unhandledRejection', (e) => abort(`ERROR: ${e?.stack || e}`, 1));

  try {
    if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error('code-server is not installed: run scripts/vscode-host/ensure.sh');
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/vscode-host/ensure.sh`);
    exitCode = await runTests(opts, res, tally);
  } catch (e) {
    if (!stopping) log(`ERROR: ${e.message}`);
    exitCode = 1;
  } finally {
    await res.cleanup();
  }
  if (stopping) return new Promise(() => {}); // the signal handler exits

  if (!tally.sawSummary) log('ERROR: no mocha summary seen: no test ran');
  else if (tally.passed + tally.failed === 0) log('ERROR: no test ran');
  if (tally.failed > 0 || !tally.sawSummary || tally.passed + tally.failed === 0) exitCode ||= 1;
  if (exitCode !== 0 && tally.failed === 0 && tally.sawSummary && tally.passed > 0) {
    log(`ERROR: the test run exited with code ${exitCode}`);
  }
  process.stdout.write(`${tally.line()}\n`);
  return exitCode;
}

main().then((code) => process.exit(code));
