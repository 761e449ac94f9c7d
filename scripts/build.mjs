// Builds every bundle with esbuild: the CLI, the extension (Node and web worker) and the test suites.
// Usage: node scripts/build.mjs [--production]
import { build } from 'esbuild';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

// `npm pack` and `npm publish` run `prepare` right after `prepack`, which has just built the production bundles.
if (process.env.npm_lifecycle_event === 'prepare' && ['pack', 'publish'].includes(process.env.npm_command)) process.exit(0);

const production = process.argv.includes('--production');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  target: 'es2022',
  loader: { '.md': 'text', '.css': 'text' },
  define: { ARCHDOC_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
  legalComments: 'none',
};

// `module` first: jsonc-parser's `main` is a UMD build that esbuild cannot follow.
// ARCHDOC_NODE_HOST: code that starts processes (the MCP server definition) is compiled out of the web worker's bundle.
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], define: { ...common.define, ARCHDOC_NODE_HOST: 'true' } };

const testEntries = (folder) =>
  existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.ts')).map((name) => join(folder, name)) : [];

const jobs = [build({ ...node, entryPoints: ['src/cli/index.ts'], outfile: 'out/cli.js' })];
const unitTests = testEntries('test/unit');
if (unitTests.length > 0) {
  jobs.push(build({ ...node, entryPoints: unitTests, outdir: 'out/test/unit', external: ['mocha', 'markdownlint', 'markdownlint/*'] }));
}
const packageTests = testEntries('test/package');
if (packageTests.length > 0) {
  jobs.push(build({ ...node, entryPoints: packageTests, outdir: 'out/test/package', external: ['mocha'] }));
}
const hostTests = testEntries('test/vscode');
if (hostTests.length > 0) {
  jobs.push(build({ ...node, entryPoints: hostTests, outdir: 'out/test/vscode', external: ['vscode', 'mocha'] }));
}
// The overview's webview script: renders the model the extension posts, with the report's renderer.
jobs.push(build({ ...common, platform: 'browser', format: 'iife', entryPoints: ['src/webview/overview.ts'], outfile: 'out/webview/overview.js' }));
if (existsSync('src/extension.ts')) {
  jobs.push(build({ ...node, entryPoints: ['src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] }));
  jobs.push(
    build({
      ...common,
      platform: 'browser',
      // A web worker has no DOM: prefer packages' `worker` builds (decode-named-character-reference's browser build
      // calls document.createElement).
      conditions: ['worker'],
      format: 'cjs',
      entryPoints: ['src/extension.ts'],
      outfile: 'out/web/extension.js',
      // Its `paths` map platform modules to their web twins (no child_process in the browser bundle).
      tsconfig: 'tsconfig.web.json',
      external: ['vscode'],
      define: { ...common.define, ARCHDOC_NODE_HOST: 'false', 'process.env.NODE_ENV': '"production"' },
    }),
  );
}
await Promise.all(jobs);
