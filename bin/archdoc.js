#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` (run automatically by `npm install` through `prepare`).
require('../out/cli.js');
