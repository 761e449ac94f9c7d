// A real Neovim (headless) drives `archdoc lsp --stdio` on the fixture documents, configured by the README's
// Neovim 0.7–0.10 snippet (read from the README, used verbatim as init.lua): the diagnostics must equal
// `archdoc check --format json` (line, rule id), and the symbols, a quick fix, `#` completion and a burst of edits
// must work. Ends with `N passed, N failed`. Needs `nvim` (Debian's neovim); installs it as root, else fails.
// usage: node scripts/test-nvim.mjs
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resultLine } from './lib/results.mjs';

const root = resolve('.');
const DOCS = ['docs/결제-ko.md', 'docs/ledger-en.md', 'docs/decisions/0007-outbox.md'];
const totals = { passed: 0, failed: 0, skipped: 0 };
const check = (title, ok, detail = '') => {
  totals[ok ? 'passed' : 'failed']++;
  console.log(`  ${ok ? '✔' : '✘'} ${title}${ok || !detail ? '' : `\n      ${detail}`}`);
};
/** Diagnostics as Neovim recorded them ({ line, code }), as `line:code` strings. */
const keys = (list) => (Array.isArray(list) ? list.map(({ line, code }) => `${line}:${code}`) : list);
const finish = () => {
  console.log(`\n${resultLine(totals)}`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
};

function ensureNvim() {
  const found = () => spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  let version = found();
  if (version.status !== 0 && process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], {}).status === 0) {
    console.log('[lsp] nvim missing: installing Debian\'s neovim with apt-get');
    spawnSync('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q neovim'], { stdio: 'inherit' });
    version = found();
  }
  if (version.status !== 0) {
    check('nvim is installed', false, 'Neovim is needed for this suite: sudo apt-get install -y neovim');
    finish();
  }
  return version.stdout.split('\n')[0];
}

/** The README's Neovim 0.7–0.10 configuration: the first Lua block under its heading. */
function readmeSnippet() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Neovim 0.7–0.10'));
  const block = /```lua\n([\s\S]*?)```/u.exec(section);
  if (!block) throw new Error('README.md has no Lua block under "### Neovim 0.7–0.10"');
  return block[1];
}

function checkJson(folder) {
  const run = spawnSync(process.execPath, [join(root, 'bin/archdoc.js'), 'check', '--format', 'json', 'docs'], { cwd: folder, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`archdoc check failed: ${run.stderr}`);
  return new Map(JSON.parse(run.stdout).files.map((file) => [file.path, file.findings.map(({ line, rule }) => `${line}:${rule}`)]));
}

console.log(`▶ ${ensureNvim()}, driven headless through the README's configuration`);
const work = mkdtempSync(join(tmpdir(), 'archdoc-nvim-'));
try {
  const folder = join(work, 'project');
  cpSync(join(root, 'test/fixtures/lsp'), folder, { recursive: true });
  // `archdoc` on PATH, as the README's `cmd` expects: this clone's CLI.
  const bin = join(work, 'bin');
  cpSync(join(root, 'test/nvim/archdoc-shim.sh'), join(bin, 'archdoc'));
  chmodSync(join(bin, 'archdoc'), 0o755);
  writeFileSync(join(work, 'init.lua'), readmeSnippet());
  const outFile = join(work, 'out.json');
  const run = spawnSync('nvim', ['--headless', '-u', join(work, 'init.lua'), '-i', 'NONE', '-c', `luafile ${join(root, 'test/nvim/driver.lua')}`], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ARCHDOC_CLI: join(root, 'bin/archdoc.js'), ARCHDOC_NVIM_OUT: outFile, ARCHDOC_NVIM_DOCS: DOCS.join(','), LANG: 'C', LC_ALL: '', XDG_CONFIG_HOME: work, XDG_STATE_HOME: work, XDG_DATA_HOME: work },
  });
  let out;
  try {
    out = JSON.parse(readFileSync(outFile, 'utf8'));
  } catch {
    check('Neovim ran the driver', false, `exit ${run.status} ${run.signal ?? ''}\n${run.stdout}\n${run.stderr}`);
    finish();
  }
  check('Neovim ran the driver to the end', !out.error, out.error);
  const expected = checkJson(folder);
  for (const path of DOCS) check(`${path}: diagnostics (line, code) equal archdoc check's`, JSON.stringify(keys(out.documents?.[path])) === JSON.stringify(expected.get(path)), `got ${JSON.stringify(keys(out.documents?.[path]))}\n      want ${JSON.stringify(expected.get(path))}`);
  const overview = out.symbols?.find((symbol) => symbol.name === '1. Overview (Executive Summary)');
  check('document symbols: the completeness tree, progress in the detail', /^\d+\/\d+$/u.test(overview?.children?.find((child) => child.name === '1.1 Project Overview')?.detail ?? ''), JSON.stringify(out.symbols?.slice(0, 2)));
  check('document symbols: a missing section is listed as missing', out.symbols?.some((symbol) => symbol.name === '3. Architecture Design Principles' && symbol.detail === 'missing'));
  check('code action "Choose "accepted"" offered and applied to the buffer', out.adrLine2 === 'status: accepted', `${JSON.stringify(out.actions)} → line 2: ${out.adrLine2}`);
  check('after the fix, the unchosen option is no longer reported', Array.isArray(out.adrAfter) && !out.adrAfter.some((d) => d.code === 'unchosen-option') && out.adrAfter.length === expected.get('docs/decisions/0007-outbox.md').length - 1);
  const completion = out.completion ?? [];
  check('# completion lists the missing sections, in template order', completion.indexOf('3. 아키텍처 설계 원칙') >= 0 && completion.indexOf('3. 아키텍처 설계 원칙') < completion.indexOf('4. 논리 아키텍처 (Logical View)') && !completion.includes('1. 개요 (Executive Summary)'), JSON.stringify(completion.slice(0, 5)));
  check('the server asked for incremental sync', out.sync === 2, String(out.sync));
  // The final text of the burst, checked afresh by the command line at the same path.
  writeFileSync(join(folder, 'docs/ledger-en.md'), out.finalText ?? '');
  const fresh = checkJson(folder).get('docs/ledger-en.md');
  check('after a burst of incremental edits: diagnostics equal a fresh check of the final text', JSON.stringify(keys(out.final)) === JSON.stringify(fresh), `got ${JSON.stringify(keys(out.final))}\n      want ${JSON.stringify(fresh)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
finish();
