#!/usr/bin/env node
// `npm run demo`: a real VS Code (code-server 4.100.3) on 127.0.0.1 with the packaged extension installed and the
// sample architecture document open. Prints the URL; Ctrl+C stops it and removes everything it created.
//
// usage: node scripts/demo.mjs [--port N] [--locale ko] [--no-build]
//   --port N      port to listen on (default: $PORT, else 8080)
//   --locale ko   archdoc's UI in Korean (VS Code's own UI stays English: no language pack offline)
//   --no-build    use the existing archdoc.vsix instead of running `npm run package`
// The first run installs the host (scripts/lib/host.mjs ensureHost: code-server + chromium, a few minutes).
// Edits to the sample happen in a temporary copy, discarded on exit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startDemo } from './lib/demo.mjs';
import { ROOT, createResources, ensureHost, log, portIsFree } from './lib/host.mjs';
import { requireSupportedNode } from './lib/node-version.mjs';

requireSupportedNode('npm run demo');

function usage(msg) {
  if (msg) console.error(`demo: ${msg}`);
  console.error('usage: node scripts/demo.mjs [--port N] [--locale ko] [--no-build]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { port: process.env.PORT ? Number(process.env.PORT) : 8080, locale: undefined, build: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`missing value for ${flag}`));
    switch (flag) {
      case '--port': opts.port = Number(value()); break;
      case '--locale': opts.locale = value(); break;
      case '--no-build': opts.build = false; break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument ${flag}`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535) usage(`bad port ${opts.port}`);
  if (opts.locale !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(opts.locale)) usage(`bad --locale ${opts.locale}`);
  return opts;
}

function run(title, command, args) {
  log(title);
  const r = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const res = createResources();
  let stopping = false;
  const stop = (why, code) => {
    if (stopping) return;
    stopping = true;
    if (why) log(why);
    res.cleanup().finally(() => process.exit(code));
  };
  for (const [sig, code] of [['SIGINT', 0], ['SIGTERM', 0], ['SIGHUP', 129]]) process.on(sig, () => stop(`${sig}: stopping`, code));
  process.on('uncaughtException', (e) => stop(`ERROR: ${e?.stack || e}`, 1));
  process.on('unhandledRejection', (e) => stop(`ERROR: ${e?.stack || e}`, 1));

  try {
    log('checking the VS Code host (code-server, chromium)');
    ensureHost({ browser: false });
    const vsix = path.join(ROOT, 'archdoc.vsix');
    if (opts.build) run('building archdoc.vsix (npm run package)', 'npm', ['run', '--silent', 'package']);
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package`);
    if (!(await portIsFree(opts.port))) throw new Error(`127.0.0.1:${opts.port} is in use: choose another with --port N or PORT=N`);

    log(`starting code-server on 127.0.0.1:${opts.port}`);
    const { url, serverLogTail } = await startDemo(res, { vsix, port: opts.port, locale: opts.locale });
    process.stdout.write(`\narchdoc demo: open ${url}\n(Ctrl+C to stop; edits to the sample are discarded)\n\n`);
    await res.serverExited;
    if (!stopping) stop(`code-server exited (${JSON.stringify(res.serverExit)}):\n${serverLogTail()}`, 1);
  } catch (e) {
    stop(`ERROR: ${e.message}`, 1);
  }
}

main();
