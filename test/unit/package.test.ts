import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('the extension package', function () {
  this.timeout(60000);

  it('contains only runtime files (vsce ls)', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const files = result.stdout.trim().split('\n').sort();
    const allowed = /^(package\.json|package\.nls(\.ko)?\.json|README\.md|CHANGELOG\.md|LICENSE|out\/extension\.js|out\/cli\.js|out\/web\/extension\.js|l10n\/bundle\.l10n\.\w+\.json|snippets\/[\w-]+\.code-snippets|syntaxes\/[\w.-]+\.json|media\/[\w-]+\.(png|svg)|out\/webview\/overview\.js|media\/report\.css|media\/preview\.css)$/u;
    for (const file of files) assert.match(file, allowed);
    for (const required of ['package.json', 'out/extension.js', 'out/cli.js', 'out/web/extension.js', 'README.md', 'LICENSE', 'CHANGELOG.md', 'media/icon.png', 'out/webview/overview.js', 'media/report.css', 'media/preview.css']) {
      assert.ok(files.includes(required), required);
    }
  });

  it('declares the manifest the SPEC asks for', () => {
    assert.equal(pkg.main, './out/extension.js');
    assert.equal(pkg.browser, './out/web/extension.js');
    assert.match(pkg.engines.vscode, /^\^1\.(\d+)\.0$/u);
    assert.ok(Number(/^\^1\.(\d+)/u.exec(pkg.engines.vscode)![1]) <= 100);
    assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown', 'onView:archdoc.sections']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
    assert.equal(pkg.license, 'MIT');
    assert.ok(pkg.icon && pkg.categories.length > 0 && pkg.keywords.length > 0 && pkg.repository);
  });

  it('keeps the engine and the report renderer free of Node built-ins and of vscode (they run in the browser too)', () => {
    const result = spawnSync('grep', ['-rnE', "from '(node:|vscode|fs|path|os|child_process)", join(repoRoot, 'src/core'), join(repoRoot, 'src/report')], { encoding: 'utf8' });
    assert.equal(result.stdout, '');
  });

  it('keeps git (child_process) out of the web bundle, and in the Node one', () => {
    assert.doesNotMatch(readFileSync(join(repoRoot, 'out/web/extension.js'), 'utf8'), /child_process/u);
    assert.match(readFileSync(join(repoRoot, 'out/extension.js'), 'utf8'), /child_process/u);
  });
});
