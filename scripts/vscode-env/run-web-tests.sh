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
# usage: scripts/vscode-env/run-web-tests.sh [--vsix FILE]
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
while [ $# -gt 0 ]; do
  case "$1" in
    --vsix) VSIX=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

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
  [ -n "$ENDPOINT_PID" ] && kill "$ENDPOINT_PID" 2>/dev/null
  if [ "${LD_E2E_KEEP:-}" = 1 ]; then log "run folder kept: $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1) The workspace: a copy of the fixture (the tests edit it), with the servers' addresses.
WORKSPACE=$RUN/web
cp -r "$ROOT/test/e2e/fixtures/web" "$WORKSPACE"
mkdir -p "$WORKSPACE/.e2e"
"$NODE24/node" "$SERVERS" "$WORKSPACE/.e2e/endpoints.json" "$WORKSPACE" &
ENDPOINT_PID=$!
for _ in $(seq 1 200); do [ -s "$WORKSPACE/.e2e/endpoints.json" ] && break; kill -0 "$ENDPOINT_PID" 2>/dev/null || break; sleep 0.05; done
[ -s "$WORKSPACE/.e2e/endpoints.json" ] || { log "the servers did not start"; exit 2; }

# 2) The harness, with the tests inside it: VS Code runs extensionTestsPath in the host of the
#    development extension that holds it, the web worker host for this browser-only one.
HARNESS_RUN=$RUN/harness
mkdir -p "$HARNESS_RUN/dist"
cp "$HARNESS/package.json" "$HARNESS/harness.js" "$HARNESS_RUN/"
cp "$TESTS" "$HARNESS_RUN/dist/suite.js"

# 3) The packaged extension, in a fresh extensions folder.
EXTENSIONS=$RUN/extensions
log "installing $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KB) into $EXTENSIONS"
install_vsix "$VSIX" "$EXTENSIONS" "$RUN/install" || { log "could not install the .vsix"; exit 2; }

# 4) code-server with the extension moved to the web worker host.
DATA=$RUN/data-web
mkdir -p "$DATA/data/User" "$DATA/xdg"
cat > "$DATA/data/User/settings.json" <<JSON
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
PORT=$(free_port)
log "code-server on 127.0.0.1:$PORT, $EXTENSION_ID in the web worker extension host"
if ! start_code_server "$PORT" "$DATA" "$EXTENSIONS" "$DATA/code-server.log" --disable-workspace-trust --vscode-option enable-smoke-test-driver; then
  log "code-server did not start"; tail -30 "$DATA/code-server.log" >&2; exit 2
fi
LD_E2E_ENV="$ENV_DIR" "$NODE24/node" "$HERE/run-extension-tests.mjs" "http://127.0.0.1:$PORT" \
  "$HARNESS_RUN" "$HARNESS_RUN/dist/suite.js" "$WORKSPACE" "${LD_E2E_TIMEOUT:-240}"
rc=$?
if [ $rc -ne 0 ]; then log "--- code-server log, last lines ---"; tail -40 "$DATA/code-server.log" >&2; fi
exit $rc
