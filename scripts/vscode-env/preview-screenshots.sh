#!/usr/bin/env bash
# Makes the README's Preview Integration screenshots: the packaged extension in code-server, three real
# manifests of ../shared/corpus each with its preview beside it, in a light and a dark theme:
# docs/preview-<key>-light.png and docs/preview-<key>-dark.png.
# usage: scripts/vscode-env/preview-screenshots.sh [KEY[@PATH]...]   (needs dist/ld-manifest-tools.vsix: npm run package)
#   PATH: the manifest path of the element the preview is scrolled to
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ENV_DIR=${LD_E2E_ENV:-$ROOT/.test-env}
CORPUS=$ROOT/../shared/corpus/integration-framework
VSIX=$ROOT/dist/ld-manifest-tools.vsix
SHOTS=("$@")
[ ${#SHOTS[@]} -gt 0 ] || SHOTS=(datadog servicenow-normal@capabilities.approval.environmentFormVariables vercel@capabilities.featureStore.formVariables)
[ -f "$VSIX" ] || { echo "no $VSIX: run 'npm run package' first" >&2; exit 2; }
[ -d "$CORPUS/integrations" ] || { echo "no corpus at $CORPUS" >&2; exit 2; }
# shellcheck source=code-server.sh
. "$HERE/code-server.sh"
code_server_env "$ENV_DIR" || exit 2

RUN=$(mktemp -d "${TMPDIR:-/tmp}/ld-preview-shot-XXXXXX")
SERVER_PID=
cleanup() {
  stop_code_server
  rm -rf "$RUN"
}
trap cleanup EXIT
install_vsix "$VSIX" "$RUN/extensions" "$RUN/install" || exit 2
failed=0
for theme in light dark; do
  DATA=$RUN/$theme
  mkdir -p "$DATA/data/User" "$DATA/xdg"
  [ "$theme" = light ] && COLOR_THEME="Default Light Modern" || COLOR_THEME="Default Dark Modern"
  shot_settings "$DATA/data/User/settings.json" "$COLOR_THEME"
  PORT=$(free_port)
  start_code_server "$PORT" "$DATA" "$RUN/extensions" "$DATA/code-server.log" --disable-workspace-trust || { tail -30 "$DATA/code-server.log" >&2; exit 2; }
  LD_E2E_ENV="$ENV_DIR" "$NODE24/node" "$HERE/preview-screenshots.mjs" "http://127.0.0.1:$PORT" "$CORPUS" "$ROOT/docs/preview-" "${SHOTS[@]}" || failed=1
  stop_code_server
  if [ $failed = 0 ]; then
    for shot in "${SHOTS[@]}"; do key=${shot%%@*}; mv "$ROOT/docs/preview-$key.png" "$ROOT/docs/preview-$key-$theme.png"; done
  fi
done
exit $failed
