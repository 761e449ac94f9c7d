/**
 * Mocha entry point for the web-worker extension host (`extensionTestsPath` of @vscode/test-web).
 * Bundled by scripts/test-web.mjs (esbuild, platform browser, cjs, `vscode` external) together with every
 * `*.test.ts` in this folder, which the bundler exposes as the virtual module `archdoc-web-tests`.
 */
import 'mocha/mocha.js'; // mocha's browser build: defines the `mocha` global
import loadTests from 'archdoc-web-tests';

/** The line scripts/test-web.mjs looks for in the forwarded console output to read the counts. */
export const RESULT_MARKER = 'ARCHDOC_WEB_RESULT ';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60000, color: false } as Mocha.MochaOptions);
    loadTests(); // after setup(): the test files call the describe/it globals at load time
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run();
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
      runner.on('end', () => {
        console.log(`${RESULT_MARKER}${JSON.stringify({ passed, failed })}`);
        if (failed > 0) reject(new Error(`${failed} tests failed.`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error);
    }
  });
}
