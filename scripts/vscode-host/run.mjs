#!/usr/bin/env node
// Runs a mocha suite inside the real VS Code extension host: code-server 4.100.3 (= VS Code 1.100.3, Node
// extension host) with its web workbench opened by Debian's chromium through playwright-core. The workbench is
// needed only because the extension host starts when a workbench connects; the tests themselves run in Node.
//
// usage: node scripts/vscode-host/run.mjs --extension <absDir> --tests <abs suite index.js> --workspace <absDir>
//                                          [--locale ko] [--timeout-ms N]
// Installs the host when missing (scripts/lib/host.mjs ensureHost). The current environment (ARCHDOC_TEST_* included)
// reaches the extension host. ARCHDOC_HOST_VERBOSE=1 also shows code-server's and the browser's logs;
// ARCHDOC_HOST_KEEP_TMP=1 keeps the run's temp dir (profile, logs) for debugging.
// Prints `N passed, N failed[, N skipped]` last; exits non-zero on any failure, if no test ran, or on timeout.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  VERBOSE, createResources, createRunDir, ensureHost, freePort, installStubLanguagePack, launchChromium, log,
  readRemoteAuthority, resultLine, startCodeServer, stripAnsi, workbenchUrl,
} from '../lib/host.mjs';
import { requireSupportedNode } from '../lib/node-version.mjs';

requireSupportedNode('scripts/vscode-host/run.mjs');

// Workbench messages that reach codeAutomationLog on every run and say nothing about the tests (there is no
// internet here, so the marketplace lookups fail).
const WORKBENCH_NOISE = [
  /^Resolving connection token /, /^Resolved connection token /, /^Creating a socket \(/,
  /^Updating additional builtin extensions cache$/, /^\[Service Worker\] /, /^ChatSessionStore: /,
  /ENOTFOUND open-vsx\.org/,
];

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

// Mocha's summary ("N passing (12ms)", "N failing", "N pending"); summed in case the suite runs mocha twice.
function createTally() {
  const t = { passed: 0, failed: 0, pending: 0, sawSummary: false };
  t.feed = (line) => {
    const s = stripAnsi(line);
    let m;
    if ((m = /^\s*(\d+) passing \(\d+(?:\.\d+)?(?:ms|s|m)\)\s*$/.exec(s))) { t.passed += +m[1]; t.sawSummary = true; }
    else if ((m = /^\s*(\d+) failing\s*$/.exec(s))) t.failed += +m[1];
    else if ((m = /^\s*(\d+) pending\s*$/.exec(s))) t.pending += +m[1];
  };
  t.line = (extraFailures = 0) => resultLine({ passed: t.passed, failed: t.failed + extraFailures, skipped: t.pending });
  return t;
}

async function runTests(opts, res, tally) {
  const started = Date.now();
  const deadline = started + opts.timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());

  const dirs = createRunDir(res);
  if (opts.locale && !opts.locale.toLowerCase().startsWith('en')) installStubLanguagePack(dirs.extDir, dirs.userData, opts.locale);

  const port = await freePort();
  const { origin, serverLogTail } = await startCodeServer(res, dirs, { workspace: opts.workspace, port, locale: opts.locale, deadline });
  if (VERBOSE) log(`code-server up on ${origin} after ${Date.now() - started} ms`);

  // The payload URIs must carry the server's remote authority (127.0.0.1:PORT on 4.100.3, but read it anyway).
  const authority = await readRemoteAuthority(origin);
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const url = workbenchUrl(origin, opts.workspace, [
    ['extensionDevelopmentPath', remote(opts.extension)],
    ['extensionTestsPath', remote(opts.tests)],
  ]);

  const page = await launchChromium(res, dirs, { locale: opts.locale, timeout: Math.min(60_000, remaining()) });

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
  let exitCode;
  let stopping = false;
  const abort = (why, code) => {
    if (stopping) return;
    stopping = true;
    log(why);
    res.cleanup().finally(() => {
      process.stdout.write(`${tally.line(1)}\n`);
      process.exit(code);
    });
  };
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => abort(`${sig}: stopping`, code));
  }
  process.on('uncaughtException', (e) => abort(`ERROR: ${e?.stack || e}`, 1));
  process.on('unhandledRejection', (e) => abort(`ERROR: ${e?.stack || e}`, 1));

  try {
    ensureHost();
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
