// Generates snippets/<template-id>.code-snippets from the built-in templates (one snippet per section).
// `node scripts/generate-snippets.mjs --check` exits 1 when the files are out of date (a unit test runs the same check).
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const check = process.argv.includes('--check');
const outfile = 'out/generate-snippets.cjs';
await build({ entryPoints: ['src/core/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, loader: { '.md': 'text' }, logLevel: 'warning' });
const { builtinTemplates, templateSnippets } = createRequire(import.meta.url)(`../${outfile}`);

let stale = false;
mkdirSync('snippets', { recursive: true });
for (const template of builtinTemplates()) {
  const path = `snippets/${template.id}.code-snippets`;
  const content = `${JSON.stringify(templateSnippets(template), null, 2)}\n`;
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // not generated yet
  }
  if (current === content) continue;
  if (check) {
    console.error(`${path} is out of date: run npm run generate`);
    stale = true;
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale ? 1 : 0);
