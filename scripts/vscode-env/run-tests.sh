#!/usr/bin/env bash
# Runs the e2e suite (out/test/e2e/suite/index.js) in a real VS Code extension host: code-server
# 4.139.1 (VS Code 1.139.1) with headless Chromium as the workbench, against the PACKAGED extension,
# installed from the .vsix into a fresh extensions folder. Each fixture workspace under
# test/e2e/fixtures/ is one scenario, run in its own code-server (Restricted Mode needs workspace
# trust on, the others run with it off like @vscode/test-electron).
#
# usage: scripts/vscode-env/run-tests.sh [--vsix FILE] [SCENARIO...]
#   SCENARIO: a folder of test/e2e/fixtures/ (default: every scenario listed below)
# needs:  the .vsix (npm run package) and the test bundles (npm run build)
# env:    LD_E2E_ENV     the environment folder (default <repo>/.test-env; made by setup.sh if missing)
#         LD_E2E_KEEP=1  keep the run folder (code-server logs, user data) for a look afterwards
#         LD_E2E_GREP    only the mocha tests whose title matches
# exit:   0 when every scenario passed
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ENV_DIR=${LD_E2E_ENV:-$ROOT/.test-env}
VSIX=$ROOT/dist/ld-manifest-tools.vsix
TESTS=$ROOT/out/test/e2e/suite/index.js
FIXTURES=$ROOT/test/e2e/fixtures
SCENARIOS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --vsix) VSIX=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) SCENARIOS+=("$1"); shift ;;
  esac
done
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(workspace json-schemas restricted request editing launchdarkly preview)

log() { echo "[e2e] $*" >&2; }
[ -f "$VSIX" ] || { log "no $VSIX: run 'npm run package' first"; exit 2; }
[ -f "$TESTS" ] || { log "no $TESTS: run 'npm run build' first"; exit 2; }
for s in "${SCENARIOS[@]}"; do [ -d "$FIXTURES/$s" ] || { log "unknown scenario $s (no $FIXTURES/$s)"; exit 2; }; done

# shellcheck source=code-server.sh
. "$HERE/code-server.sh"
code_server_env "$ENV_DIR" || { log "setup failed"; exit 2; }

RUN=$(mktemp -d "${TMPDIR:-/tmp}/ld-e2e-XXXXXX")
SERVER_PID=
cleanup() {
  stop_code_server
  if [ "${LD_E2E_KEEP:-}" = 1 ]; then log "run folder kept: $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1) Install the packaged extension into a fresh extensions folder.
EXTENSIONS=$RUN/extensions
mkdir -p "$RUN/no-dev-extension"
log "installing $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KB) into $EXTENSIONS"
install_vsix "$VSIX" "$EXTENSIONS" "$RUN/install" || { log "could not install the .vsix"; exit 2; }

# 2) One code-server + Chromium per scenario.
declare -A RESULT
for scenario in "${SCENARIOS[@]}"; do
  DATA=$RUN/$scenario
  mkdir -p "$DATA/data/User" "$DATA/xdg"
  cat > "$DATA/data/User/settings.json" <<'JSON'
{
  "chat.disableAIFeatures": true,
  "workbench.startupEditor": "none",
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": true,
  "security.workspace.trust.startupPrompt": "never",
  "security.workspace.trust.untrustedFiles": "open",
  "files.autoSave": "off"
}
JSON
  TRUST_FLAGS=(--disable-workspace-trust)
  [ "$scenario" = restricted ] && TRUST_FLAGS=()
  PORT=$(free_port)
  # Where the tests reach webviews' DOM (scripts/vscode-env/webviewBridge.mjs, in the Chromium driver).
  export LD_E2E_WEBVIEW_BRIDGE="http://127.0.0.1:$(free_port)"
  log "scenario $scenario: code-server on 127.0.0.1:$PORT${TRUST_FLAGS[*]:+ (workspace trust off)}"
  if ! LD_E2E_EXTENSIONS_DIR="$EXTENSIONS" LD_E2E_VSIX="$VSIX" start_code_server "$PORT" "$DATA" "$EXTENSIONS" "$DATA/code-server.log" \
    "${TRUST_FLAGS[@]}" --vscode-option enable-smoke-test-driver; then
    log "code-server did not start"; tail -30 "$DATA/code-server.log" >&2
    RESULT[$scenario]=error; stop_code_server; continue
  fi
  LD_E2E_ENV="$ENV_DIR" "$NODE24/node" "$HERE/run-extension-tests.mjs" "http://127.0.0.1:$PORT" \
    "$RUN/no-dev-extension" "$TESTS" "$FIXTURES/$scenario" "${LD_E2E_TIMEOUT:-240}"
  rc=$?
  stop_code_server
  if [ $rc -eq 0 ]; then RESULT[$scenario]=passed; else
    RESULT[$scenario]=failed
    log "--- code-server log ($scenario), last lines ---"; tail -40 "$DATA/code-server.log" >&2
  fi
done

failed=0
for scenario in "${SCENARIOS[@]}"; do
  log "$scenario: ${RESULT[$scenario]}"
  [ "${RESULT[$scenario]}" = passed ] || failed=1
done
exit $failed
