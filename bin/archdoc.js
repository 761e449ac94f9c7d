#!/usr/bin/env node
'use strict';
// The CLI bundle: built by `npm run build` in a clone (which `npm install` runs through `prepare`), and shipped in the
// npm package.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'out', 'cli.js');
if (!existsSync(bundle)) {
  process.stderr.write(`archdoc: ${bundle} is missing; run \`npm run build\` in ${join(__dirname, '..')}.\n`);
  process.exit(2);
}
require(bundle);
