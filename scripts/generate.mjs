// Writes the files generated from the engine: snippets/<template-id>.code-snippets (one snippet per template
// section), the `archdoc.severity` settings schema in package.json and its texts in package.nls*.json, and the
// README's rule sections — all from the built-in templates and the rule table.
// `node scripts/generate.mjs --check` exits 1 when a file is out of date (unit tests check the same).
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const check = process.argv.includes('--check');
const outfile = 'out/generate.cjs';
await build({
  stdin: { contents: "export * from './src/core/index.ts'; export { rulesMarkdown } from './src/cli/rules.ts';", resolveDir: '.', loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  loader: { '.md': 'text' },
  logLevel: 'warning',
});
const { builtinTemplates, templateSnippets, RULES, rulesMarkdown } = createRequire(import.meta.url)(`../${outfile}`);

let stale = false;
function update(path, content) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // not generated yet
  }
  if (current === content) return;
  if (check) {
    console.error(`${path} is out of date: run npm run generate`);
    stale = true;
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

mkdirSync('snippets', { recursive: true });
for (const template of builtinTemplates()) update(`snippets/${template.id}.code-snippets`, json(templateSnippets(template)));

const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.contributes.configuration.properties['archdoc.severity'].properties = Object.fromEntries(
  RULES.map((rule) => [rule.id, { type: 'string', enum: SEVERITY_LEVELS, default: rule.severity, markdownDescription: `%rule.${rule.id}%` }]),
);
update('package.json', json(pkg));
for (const [file, locale] of [['package.nls.json', 'en'], ['package.nls.ko.json', 'ko']]) {
  const texts = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of Object.keys(texts)) if (key.startsWith('rule.')) delete texts[key];
  for (const rule of RULES) texts[`rule.${rule.id}`] = rule.description[locale];
  update(file, json(texts));
}

const readme = readFileSync('README.md', 'utf8');
const section = /(<!-- rules:start[^>]*-->\n)[\s\S]*?(<!-- rules:end -->)/u;
if (!section.test(readme)) {
  console.error('README.md has no <!-- rules:start --> … <!-- rules:end --> block');
  stale = true;
} else update('README.md', readme.replace(section, (_, start, end) => `${start}${rulesMarkdown()}${end}`));
process.exit(stale ? 1 : 0);
