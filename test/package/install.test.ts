import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../unit/helpers';
import { copyOfRepository, sh } from './helpers';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('the npm package', function () {
  this.timeout(300_000);
  let repository: string;
  let packed: string;
  let tarball: string;
  before(() => {
    repository = copyOfRepository();
    packed = mkdtempSync(join(tmpdir(), 'archdoc-packed-'));
    const { stdout } = sh('npm', ['pack', '--pack-destination', packed], { cwd: repository });
    // Tools read the tarball's name from stdout (pre-commit installs hooks that way): nothing else may be printed.
    assert.equal(stdout, `archdoc-${pkg.version}.tgz\n`);
    tarball = join(packed, stdout.trim());
  });
  after(() => {
    for (const folder of [repository, packed]) rmSync(folder, { recursive: true, force: true });
  });

  it('holds the command line and nothing else, built for production', () => {
    const files = sh('tar', ['-tzf', tarball]).stdout.trim().split('\n').sort();
    assert.deepEqual(files, ['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/bin/archdoc.js', 'package/out/cli.js', 'package/package.json']);
    const cli = sh('tar', ['-xzOf', tarball, 'package/out/cli.js']).stdout;
    assert.doesNotMatch(cli, /sourceMappingURL/u, 'the production build, not the development one');
    assert.equal(pkg.dependencies, undefined, 'everything the command line uses is bundled');
  });

  it('installs into an empty project and runs `npx archdoc check` there', () => {
    const project = mkdtempSync(join(tmpdir(), 'archdoc-user-'));
    try {
      writeFileSync(join(project, 'package.json'), '{ "name": "user-project", "private": true }\n');
      sh('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: project });
      assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['archdoc'], 'no dependencies installed');
      copyFileSync(join(repoRoot, 'test/fixtures/documents/two-missing-sections.md'), join(project, 'architecture.md'));
      assert.equal(sh('npx', ['--no', '--', 'archdoc', '--version'], { cwd: project }).stdout, `${pkg.version}\n`);
      const { stdout } = sh('npx', ['--no', '--', 'archdoc', 'check', '--format', 'json', 'architecture.md'], { cwd: project, status: 1 });
      const json = JSON.parse(stdout);
      assert.deepEqual(Object.keys(json), ['files']);
      assert.deepEqual(Object.keys(json.files[0]), ['path', 'template', 'completion', 'findings']);
      assert.equal(json.files[0].path, 'architecture.md');
      assert.deepEqual(json.files[0].findings.map((f: { rule: string; line: number }) => `${f.rule}:${f.line}`), ['missing-section:332', 'missing-section:486']);
      copyFileSync(join(repoRoot, 'test/fixtures/blind/filled-ko.md'), join(project, 'architecture.md'));
      sh('npx', ['--no', '--', 'archdoc', 'check', 'architecture.md'], { cwd: project, status: 0 });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
