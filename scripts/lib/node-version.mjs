// The supported Node versions are package.json's `engines.node` (also stated in the README); the scripts check the
// running Node against it rather than repeating the range. Handles the forms used there: `^X.Y.Z`, `>=X[.Y[.Z]]`,
// alternatives joined by `||`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageJson = fileURLToPath(new URL('../../package.json', import.meta.url));
export const SUPPORTED_NODE = JSON.parse(readFileSync(packageJson, 'utf8')).engines.node;

const parts = (version) => {
  const [major, minor, patch] = `${version}`.replace(/^v/u, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  return [major, minor ?? 0, patch ?? 0];
};
const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

export function satisfiesRange(version, range = SUPPORTED_NODE) {
  const v = parts(version);
  return range.split('||').some((alternative) => {
    const spec = alternative.trim();
    if (spec.startsWith('^')) {
      const min = parts(spec.slice(1));
      return v[0] === min[0] && compare(v, min) >= 0;
    }
    if (spec.startsWith('>=')) return compare(v, parts(spec.slice(2).trim())) >= 0;
    throw new Error(`unsupported range form "${spec}" in engines.node`);
  });
}

/** Exits with a clear message when the running Node is outside the supported range. */
export function requireSupportedNode(script) {
  if (satisfiesRange(process.versions.node)) return;
  console.error(`${script}: Node.js ${SUPPORTED_NODE} is required (package.json engines.node); this is ${process.version}`);
  process.exit(2);
}
