import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../unit/helpers';
import { cleanEnv, copyOfRepository, sh } from './helpers';

const git = (cwd: string, ...args: string[]) => sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd });

describe('the pre-commit hook (.pre-commit-hooks.yaml)', function () {
  // pre-commit installs the hook as from git: `npm install` with the development dependencies, a build, `npm pack`.
  this.timeout(900_000);
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('runs archdoc check on the staged architecture documents (pre-commit try-repo)', () => {
    const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    assert.equal(found.status, 0, 'pre-commit is not installed: `apt-get install pre-commit` (.ci/run installs it)');
    // The hook repository: this repository's files, committed, as a clone would see them.
    const hooks = copyOfRepository();
    rmSync(join(hooks, 'node_modules'));
    git(hooks, 'init', '-q');
    git(hooks, 'add', '.');
    git(hooks, 'commit', '-qm', 'archdoc');
    // The user's repository: an architecture document with open slots and an ordinary README.
    const user = mkdtempSync(join(tmpdir(), 'archdoc-user-repo-'));
    const home = mkdtempSync(join(tmpdir(), 'archdoc-pre-commit-home-'));
    folders.push(hooks, user, home);
    git(user, 'init', '-q');
    copyFileSync(join(repoRoot, 'test/fixtures/documents/two-missing-sections.md'), join(user, 'architecture.md'));
    writeFileSync(join(user, 'README.md'), '# A project\n\n- **Owner**: \n');
    git(user, 'add', '.');
    const env = cleanEnv({ PRE_COMMIT_HOME: home, npm_config_prefer_offline: 'true' });

    const failed = sh('pre-commit', ['try-repo', hooks, 'archdoc', '--color', 'never'], { cwd: user, env, status: 1 });
    assert.match(failed.stdout, /^archdoc\.+Failed$/mu);
    assert.match(failed.stdout, /^architecture\.md:332:1: warning missing-section /mu);
    assert.match(failed.stdout, /^README\.md: skipped \(not an architecture document\)$/mu);

    copyFileSync(join(repoRoot, 'test/fixtures/blind/filled-ko.md'), join(user, 'architecture.md'));
    git(user, 'add', '.');
    const passed = sh('pre-commit', ['try-repo', hooks, 'archdoc', '--color', 'never'], { cwd: user, env });
    assert.match(passed.stdout, /^archdoc\.+Passed$/mu);
  });
});
