// The demo's startup (`npm run demo`, and the end-to-end test that checks what it shows): a real VS Code
// (code-server) with the packaged extension installed, a temporary copy of the sample as its workspace, and the
// sample opened in the editor as the workspace's own file.
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, createRunDir, installStartupOpener, installStubLanguagePack, installVsix, startCodeServer, workbenchUrl,
} from './host.mjs';

export const DEMO_FILE = 'architecture.md';

const DEMO_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.ignoreRecommendations': true,
  'remote.autoForwardPorts': false,
  'git.enabled': false,
};

/**
 * Starts the demo's code-server on 127.0.0.1:port with its resources in `res` (see createResources). Returns the
 * URL to open, the workspace folder and the server's log tail.
 */
export async function startDemo(res, { vsix, port, locale, deadline }) {
  const dirs = createRunDir(res, 'archdoc-demo-');
  const workspace = dirs.mk('archdoc-demo');
  fs.copyFileSync(path.join(ROOT, 'samples/architecture.md'), path.join(workspace, DEMO_FILE));
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(DEMO_SETTINGS, null, 2));
  installVsix(dirs, vsix);
  installStartupOpener(dirs.extDir, DEMO_FILE);
  if (locale && !locale.toLowerCase().startsWith('en')) installStubLanguagePack(dirs.extDir, dirs.userData, locale);
  const { origin, serverLogTail } = await startCodeServer(res, dirs, { workspace, port, locale, deadline });
  return { url: workbenchUrl(origin, workspace), workspace, dirs, serverLogTail };
}
