// Second runner of the same extension-host suite, in desktop VS Code via @vscode/test-electron. It downloads VS Code,
// so it needs internet access (not available on the project's CI machines, which use scripts/vscode-host/run.mjs).
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const workspace = mkdtempSync(join(tmpdir(), 'archdoc-ws-'));
cpSync('test/fixtures/workspace', workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: resolve('.'),
    extensionTestsPath: resolve('out/test/vscode/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`Desktop VS Code tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
