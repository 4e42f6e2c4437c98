#!/usr/bin/env bash
# Runs the browser suite (out/test/e2e/web/suite.js) in the browser's WEB WORKER extension host, the
# one vscode.dev and github.dev use: code-server 4.139.1 with headless Chromium, the PACKAGED extension
# installed from the .vsix and moved to the worker host by the user setting `remote.extensionKind`
# (["web"]: its `browser` entry, its server in a nested worker). The tests are hosted by a browser-only
# development extension (test/e2e/web/harness/), so they run in that worker too; their first test fails
# unless it does. The workspace is a copy of test/e2e/fixtures/web/ with the addresses of the servers
# the tests talk to (test/e2e/web/servers.ts: a validation endpoint, LaunchDarkly's API stand-in)
# written into it.
#
# A second run takes the pure-browser route (scripts/vscode-env/run-test-web.mjs): @vscode/test-web
# with VS Code's web build 1.91.1, no remote, the extension served over http and the workspace on
# test-web's virtual file system, as in vscode.dev (setup-test-web.sh installs it on first use).
#
# usage: scripts/vscode-env/run-web-tests.sh [--vsix FILE] [--route code-server|test-web]...
# needs:  the .vsix (npm run package) and the test bundles (npm run build)
# env:    LD_E2E_ENV, LD_E2E_KEEP=1, LD_E2E_TIMEOUT (as run-tests.sh)
# exit:   0 when the suite passed
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ENV_DIR=${LD_E2E_ENV:-$ROOT/.test-env}
VSIX=$ROOT/dist/ld-manifest-tools.vsix
TESTS=$ROOT/out/test/e2e/web/suite.js
SERVERS=$ROOT/out/test/e2e/web/servers.js
HARNESS=$ROOT/test/e2e/web/harness
EXTENSION_ID=ld-manifest-tools.launchdarkly-manifest-tools
ROUTES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --vsix) VSIX=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --route) ROUTES+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

[ ${#ROUTES[@]} -gt 0 ] || ROUTES=(code-server test-web)
log() { echo "[e2e-web] $*" >&2; }
[ -f "$VSIX" ] || { log "no $VSIX: run 'npm run package' first"; exit 2; }
[ -f "$TESTS" ] || { log "no $TESTS: run 'npm run build' first"; exit 2; }

# shellcheck source=code-server.sh
. "$HERE/code-server.sh"
code_server_env "$ENV_DIR" || { log "setup failed"; exit 2; }

RUN=$(mktemp -d "${TMPDIR:-/tmp}/ld-e2e-web-XXXXXX")
SERVER_PID=
ENDPOINT_PID=
cleanup() {
  stop_code_server
  stop_servers
  if [ "${LD_E2E_KEEP:-}" = 1 ]; then log "run folder kept: $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The servers the tests talk to, for one route, in a fresh copy of the fixture workspace (the tests
# edit it, and the LaunchDarkly stand-in keeps what they create): start_servers WORKSPACE
start_servers() {
  local workspace=$1
  rm -rf "$workspace"
  mkdir -p "$(dirname "$workspace")"
  cp -r "$ROOT/test/e2e/fixtures/web" "$workspace"
  mkdir -p "$workspace/.e2e"
  "$NODE24/node" "$SERVERS" "$workspace/.e2e/endpoints.json" "$workspace" &
  ENDPOINT_PID=$!
  for _ in $(seq 1 200); do [ -s "$workspace/.e2e/endpoints.json" ] && break; kill -0 "$ENDPOINT_PID" 2>/dev/null || break; sleep 0.05; done
  [ -s "$workspace/.e2e/endpoints.json" ] || { log "the servers did not start"; return 1; }
}
stop_servers() {
  [ -n "${ENDPOINT_PID:-}" ] && kill "$ENDPOINT_PID" 2>/dev/null
  ENDPOINT_PID=
}

# The packaged extension, in a fresh extensions folder (code-server installs it; test-web serves a copy).
EXTENSIONS=$RUN/extensions
log "installing $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KB) into $EXTENSIONS"
install_vsix "$VSIX" "$EXTENSIONS" "$RUN/install" || { log "could not install the .vsix"; exit 2; }

# Route 1: code-server, the extension moved to its web worker extension host. The harness holds the
# tests: VS Code runs extensionTestsPath in the host of the development extension that holds it, the
# web worker host for this browser-only one.
run_code_server_route() {
  local harness=$RUN/harness data=$RUN/data-web port
  mkdir -p "$harness/dist" "$data/data/User" "$data/xdg"
  cp "$HARNESS/package.json" "$HARNESS/harness.js" "$harness/"
  cp "$TESTS" "$harness/dist/suite.js"
  start_servers "$RUN/workspace-code-server/web" || return 2
  cat > "$data/data/User/settings.json" <<JSON
{
  "chat.disableAIFeatures": true,
  "workbench.startupEditor": "none",
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "remote.extensionKind": { "$EXTENSION_ID": ["web"] }
}
JSON
  port=$(free_port)
  log "code-server on 127.0.0.1:$port, $EXTENSION_ID in the web worker extension host"
  if ! start_code_server "$port" "$data" "$EXTENSIONS" "$data/code-server.log" --disable-workspace-trust --vscode-option enable-smoke-test-driver; then
    log "code-server did not start"; tail -30 "$data/code-server.log" >&2; stop_servers; return 2
  fi
  LD_E2E_ENV="$ENV_DIR" "$NODE24/node" "$HERE/run-extension-tests.mjs" "http://127.0.0.1:$port" \
    "$harness" "$harness/dist/suite.js" "$RUN/workspace-code-server/web" "${LD_E2E_TIMEOUT:-240}"
  local rc=$?
  [ $rc -eq 0 ] || { log "--- code-server log, last lines ---"; tail -40 "$data/code-server.log" >&2; }
  stop_code_server
  stop_servers
  return $rc
}

# Route 2: @vscode/test-web, VS Code's web build alone. The extension is served from a copy of the
# installed one, with the tests inside it (test-web serves extensionTestsPath relative to it).
run_test_web_route() {
  "$HERE/setup-test-web.sh" "$ENV_DIR" || { log "test-web setup failed"; return 2; }
  local installed copy=$RUN/test-web-extension
  installed=$(find "$EXTENSIONS" -maxdepth 1 -type d -name "$EXTENSION_ID-*" | head -1)
  [ -n "$installed" ] || { log "the installed extension is not in $EXTENSIONS"; return 2; }
  cp -r "$installed" "$copy"
  mkdir -p "$copy/e2e"
  cp "$TESTS" "$copy/e2e/suite.js"
  start_servers "$RUN/workspace-test-web/web" || return 2
  log "@vscode/test-web with VS Code's web build, the workspace on its virtual file system"
  LD_E2E_ENV="$ENV_DIR" timeout $(( ${LD_E2E_TIMEOUT:-240} + 60 )) "$NODE24/node" "$HERE/run-test-web.mjs" \
    "$copy" "$copy/e2e/suite.js" "$RUN/workspace-test-web/web" "${LD_E2E_TIMEOUT:-240}"
  local rc=$?
  stop_servers
  return $rc
}

failed=0
for route in "${ROUTES[@]}"; do
  case "$route" in
    code-server) run_code_server_route ;;
    test-web) run_test_web_route ;;
    *) log "unknown route $route"; exit 2 ;;
  esac
  rc=$?
  log "$route: $([ $rc -eq 0 ] && echo passed || echo "failed ($rc)")"
  [ $rc -eq 0 ] || failed=1
done
exit $failed
