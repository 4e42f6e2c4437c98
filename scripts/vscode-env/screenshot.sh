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
# shellcheck source=code-server.sh
. "$HERE/code-server.sh"
code_server_env "$ENV_DIR" || exit 2

RUN=$(mktemp -d "${TMPDIR:-/tmp}/ld-shot-XXXXXX")
SERVER_PID=
cleanup() {
  stop_code_server
  rm -rf "$RUN"
}
trap cleanup EXIT
mkdir -p "$RUN/data/User" "$RUN/xdg" "$RUN/extensions"
shot_settings "$RUN/data/User/settings.json"
install_vsix "$VSIX" "$RUN/extensions" "$RUN/install" || exit 2
PORT=$(free_port)
start_code_server "$PORT" "$RUN" "$RUN/extensions" "$RUN/code-server.log" --disable-workspace-trust || { tail -30 "$RUN/code-server.log" >&2; exit 2; }
HOVER_KEY=${HOVER_KEY:-SEND} LD_E2E_ENV="$ENV_DIR" "$NODE24/node" "$HERE/screenshot.mjs" "http://127.0.0.1:$PORT" \
  "$ROOT/test/e2e/fixtures/${SHOT_WORKSPACE:-workspace}" "${SHOT_FILE:-integrations/problems/manifest.json}" "$OUT"
