import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { repoRoot, makeTempFolder, removeFolder } from './helpers';

const cli = join(repoRoot, 'bin', 'archdoc.js');
// A full high-level document with two missing sections: much slower to analyse than the small runbooks, so a worker
// that gets it finishes after the others.
const deviant = join(repoRoot, 'test/fixtures/documents/two-missing-sections.md');
const RUNBOOK_TEMPLATE = '# Runbook\n\n## Alerts\n- **Pager**: \n- **Escalation**: \n\n## Recovery\n- **Steps**: \n';
const CACHE_FILE = join('node_modules', '.cache', 'archdoc', 'check-results.v8');

function archdoc(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project with a workspace template, `count` runbooks (some filled, some not) and, under `docs/`, the documents. */
function project(dir: string, count: number): void {
  mkdirSync(join(dir, '.archdoc', 'templates'), { recursive: true });
  writeFileSync(join(dir, '.archdoc', 'templates', 'runbook.md'), RUNBOOK_TEMPLATE);
  for (let index = 0; index < count; index++) {
    const folder = join(dir, 'docs', `team-${index % 3}`);
    mkdirSync(folder, { recursive: true });
    const pager = index % 2 ? `ops-${index}` : '';
    writeFileSync(join(folder, `runbook-${String(index).padStart(2, '0')}.md`), `# Runbook\n\n## Alerts\n- **Pager**: ${pager}\n- **Escalation**: lead\n\n## Recovery\n- **Steps**: restart\n`);
  }
}

const jsonPaths = (stdout: string): string[] => JSON.parse(stdout).files.map((file: { path: string }) => file.path);

describe('archdoc check on many documents (--shard, --jobs, --cache)', function () {
  // Every test spawns the CLI several times (a Node start each): slow when the CPU is shared.
  this.timeout(300_000);
  let dir: string;
  beforeEach(() => (dir = makeTempFolder('archdoc-scale-')));
  afterEach(() => removeFolder(dir));

  it('--shard 1/2 and 2/2 together check every document exactly once, and the split is stable', () => {
    project(dir, 13);
    const all = jsonPaths(archdoc(['check', '--format', 'json', 'docs'], dir).stdout);
    assert.equal(all.length, 13);
    const first = jsonPaths(archdoc(['check', '--format', 'json', '--shard', '1/2', 'docs'], dir).stdout);
    const second = jsonPaths(archdoc(['check', '--format', 'json', '--shard=2/2', 'docs'], dir).stdout);
    assert.deepEqual([...first, ...second].sort(), [...all].sort());
    assert.ok(first.length >= 6 && second.length >= 6, `balanced: ${first.length} + ${second.length}`);
    // Each shard keeps the order of the full run.
    assert.deepEqual(first, all.filter((path) => first.includes(path)));
    // Stable: the same split again, and three shards also cover everything once.
    assert.deepEqual(jsonPaths(archdoc(['check', '--format', 'json', '--shard', '1/2', 'docs'], dir).stdout), first);
    const thirds = ['1/3', '2/3', '3/3'].flatMap((shard) => jsonPaths(archdoc(['check', '--format', 'json', '--shard', shard, 'docs'], dir).stdout));
    assert.deepEqual(thirds.sort(), [...all].sort());
  });

  it('a shard that holds none of the documents passes and says so', () => {
    project(dir, 1);
    const shards = ['1/2', '2/2'].map((shard) => archdoc(['check', '--shard', shard, 'docs'], dir));
    const empty = shards.find((run) => /holds none of the 1 Markdown file/u.test(run.stderr));
    assert.ok(empty, shards.map((run) => run.stderr).join('\n'));
    assert.equal(empty.code, 0);
  });

  it('rejects a bad --shard, --jobs or --cache-location with a usage error', () => {
    for (const [args, message] of [
      [['--shard', '0/2'], /--shard needs i\/n with 1 ≤ i ≤ n .*not "0\/2"/u],
      [['--shard', '3/2'], /--shard needs i\/n/u],
      [['--shard', '1-2'], /--shard needs i\/n/u],
      [['--jobs', '0'], /--jobs needs a whole number from 1 to 256, not "0"/u],
      [['--jobs', 'two'], /--jobs needs a whole number/u],
      [['--cache-location', 'x'], /--cache-location needs --cache/u],
    ] as const) {
      const { code, stderr, stdout } = archdoc(['check', ...args, 'docs'], dir);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /Usage:/u);
      assert.equal(stdout, '');
    }
    assert.match(archdoc(['outline', '--jobs', '2', 'x.md'], dir).stderr, /are options of check/u);
  });

  it('--jobs 2 and 3 print exactly what --jobs 1 prints (text and JSON), unreadable and binary files included', () => {
    project(dir, 7);
    // Sorted first, and slowest: the worker that takes it finishes last.
    copyFileSync(deviant, join(dir, 'docs', 'a-architecture.md'));
    writeFileSync(join(dir, 'docs', 'team-1', 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'docs', 'team-2', 'dangling.md'));
    writeFileSync(join(dir, 'docs', 'notes.md'), '# Notes\n\n- **Empty**: \n');
    for (const format of ['text', 'json']) {
      const single = archdoc(['check', '--format', format, '--jobs', '1', 'docs'], dir);
      assert.equal(single.code, 2, single.stderr);
      assert.match(single.stderr, /docs\/team-1\/binary\.md: binary file/u);
      assert.match(single.stderr, /docs\/team-2\/dangling\.md: no such file or folder/u);
      assert.match(single.stdout, /a-architecture\.md/u);
      for (const jobs of ['2', '3']) {
        const parallel = archdoc(['check', '--format', format, '--jobs', jobs, 'docs'], dir);
        assert.deepEqual(parallel, single, `--jobs ${jobs} --format ${format}`);
      }
    }
    // Without the unreadable files: exit 1 (findings) for every N.
    rmSync(join(dir, 'docs', 'team-1', 'binary.md'));
    rmSync(join(dir, 'docs', 'team-2', 'dangling.md'));
    const single = archdoc(['check', '--jobs', '1', 'docs'], dir);
    assert.equal(single.code, 1);
    assert.deepEqual(archdoc(['check', '--jobs', '2', 'docs'], dir), single);
  });

  it('--cache: the warm run prints the same, reads stored results, and a changed document, template or setting is checked again', () => {
    project(dir, 4);
    const cold = archdoc(['check', '--format', 'json', 'docs'], dir);
    const first = archdoc(['check', '--cache', '--format', 'json', 'docs'], dir);
    assert.deepEqual(first, cold);
    assert.ok(existsSync(join(dir, CACHE_FILE)), 'cache written to node_modules/.cache/archdoc');
    assert.deepEqual(archdoc(['check', '--cache', '--format', 'json', 'docs'], dir), cold);

    // The warm run takes stored results: mark every stored finding and see the mark in the output.
    const mark = (file: string) => {
      const stored = deserialize(readFileSync(file));
      for (const entry of Object.values(stored.entries) as Array<{ analysis: { findings: Array<{ message: string }> } }>) {
        for (const finding of entry.analysis.findings) finding.message = `cached: ${finding.message}`;
      }
      writeFileSync(file, serialize(stored));
    };
    mark(join(dir, CACHE_FILE));
    const marked = archdoc(['check', '--cache', '--format', 'json', 'docs'], dir);
    assert.match(marked.stdout, /"message":"cached: /u);
    assert.equal(marked.code, cold.code);

    // A changed document is analysed again; the others still come from the cache.
    const changed = join(dir, 'docs', 'team-0', 'runbook-00.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('- **Pager**: ', '- **Pager**: night shift'));
    const afterEdit = JSON.parse(archdoc(['check', '--cache', '--format', 'json', 'docs'], dir).stdout);
    const edited = afterEdit.files.find((file: { path: string }) => file.path === 'docs/team-0/runbook-00.md');
    assert.equal(edited.findings.length, 0);
    assert.ok(afterEdit.files.some((file: { findings: Array<{ message: string }> }) => file.findings.some((f) => f.message.startsWith('cached: '))));

    // A changed template empties the cache: every result is fresh.
    mark(join(dir, CACHE_FILE));
    writeFileSync(join(dir, '.archdoc', 'templates', 'runbook.md'), `${RUNBOOK_TEMPLATE}- **Rollback**: \n`);
    const afterTemplate = archdoc(['check', '--cache', '--format', 'json', 'docs'], dir);
    assert.doesNotMatch(afterTemplate.stdout, /cached: /u);
    assert.deepEqual(afterTemplate, archdoc(['check', '--format', 'json', 'docs'], dir));

    // So does a changed setting.
    mark(join(dir, CACHE_FILE));
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'archdoc.severity': { 'empty-field': 'error' } }));
    const afterSetting = archdoc(['check', '--cache', '--format', 'json', 'docs'], dir);
    assert.doesNotMatch(afterSetting.stdout, /cached: /u);
    assert.match(afterSetting.stdout, /"severity":"error"/u);
  });

  it('--cache-location keeps the cache elsewhere; a corrupt cache file is ignored and replaced', () => {
    project(dir, 3);
    const expected = archdoc(['check', 'docs'], dir);
    const location = join(dir, 'ci-cache');
    const file = join(location, 'check-results.v8');
    assert.deepEqual(archdoc(['check', '--cache', '--cache-location', 'ci-cache', 'docs'], dir), expected);
    assert.ok(existsSync(file));
    assert.equal(existsSync(join(dir, CACHE_FILE)), false);
    const valid = readFileSync(file);
    for (const corrupt of [Buffer.from('not a cache'), valid.subarray(0, Math.floor(valid.length / 2)), serialize({ configuration: 1, entries: 'x' }), Buffer.alloc(0)]) {
      writeFileSync(file, corrupt);
      assert.deepEqual(archdoc(['check', '--cache', '--cache-location', 'ci-cache', 'docs'], dir), expected);
      assert.doesNotThrow(() => deserialize(readFileSync(file)), 'rewritten as a valid cache');
    }
    // A cache that cannot be written is named, and changes nothing else.
    writeFileSync(join(dir, 'not-a-folder'), '');
    const unwritable = archdoc(['check', '--cache', '--cache-location', 'not-a-folder', 'docs'], dir);
    assert.equal(unwritable.stdout, expected.stdout);
    assert.equal(unwritable.code, expected.code);
    assert.match(unwritable.stderr, /archdoc: cache .*not-a-folder.* not written: /u);
  });

  it('--cache forgets documents that were deleted and keeps those not checked this time', () => {
    project(dir, 4);
    const stored = () => Object.keys(deserialize(readFileSync(join(dir, CACHE_FILE))).entries).sort();
    archdoc(['check', '--cache', 'docs'], dir);
    const all = stored();
    assert.equal(all.length, 4);
    rmSync(join(dir, 'docs', 'team-0', 'runbook-00.md'));
    archdoc(['check', '--cache', 'docs/team-1'], dir);
    assert.deepEqual(stored(), all.filter((path) => path !== 'docs/team-0/runbook-00.md'));
  });
});
