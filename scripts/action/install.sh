#!/usr/bin/env bash
# The install step of the GitHub Action (action.yml): puts `ld-manifest` on PATH. With a version
# input, that version of the published npm package; otherwise the CLI packed from the action's own
# source (npm run pack:cli) and installed from the tarball, so that a pinned action ref is exactly
# the linter that runs.
set -euo pipefail
if [ -n "${INPUT_VERSION:-}" ]; then
  npm install --global --no-audit --no-fund "ld-manifest@${INPUT_VERSION}"
else
  cd "${GITHUB_ACTION_PATH:?}"
  npm ci --ignore-scripts --no-audit --no-fund
  npm run --silent pack:cli
  version=$(node -p "require('./package.json').version")
  npm install --global --offline --no-audit --no-fund "./dist/ld-manifest-${version}.tgz"
fi
ld-manifest --version
