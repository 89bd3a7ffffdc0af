#!/usr/bin/env bash
# Installs what the real-VS-Code tests need: Debian's chromium and ripgrep, and code-server
# (VS Code's server + web workbench, the real Node extension host) into an ignored cache folder.
# Only the npm registry and Debian's mirrors are reachable, so code-server's postinstall (which
# downloads ripgrep from GitHub and refuses root) is skipped and its native modules are built
# here against Node's own headers. Idempotent: a finished install is left alone (~1 s).
# Where apt-get cannot install what is missing (scripts/apt.sh) it installs nothing and says
# so: test/e2e/run.js then skips, loudly (INTERVIEW_FOLLOWUP_REQUIRE_ALL=1: fails).
#
#   scripts/setup-code-server.sh [DEST]      DEST defaults to .cache/code-server
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:-${CODE_SERVER_DIR:-$ROOT/.cache/code-server}}
VERSION=${CODE_SERVER_VERSION:-4.100.3}   # VS Code 1.100.3; 4.100 is the last line that runs on Node 20
STAMP="$DEST/.installed-$VERSION"

APT="$ROOT/scripts/apt.sh"
need_apt=""
command -v chromium >/dev/null || need_apt="chromium"
command -v rg >/dev/null || need_apt="$need_apt ripgrep"
if [ ! -f "$STAMP" ]; then
  need_apt="$need_apt $("$APT" missing libkrb5-dev python3 make g++ | tr '\n' ' ')"
fi
if [ -n "$need_apt" ]; then
  # Exit 4: apt-get cannot install here (said on stderr): no code-server either, the e2e skips.
  # shellcheck disable=SC2086 # one word per package
  "$APT" ensure setup-code-server "The VS Code end-to-end tests will be skipped." $need_apt || { [ $? -eq 4 ] && exit 0; exit 1; }
fi

if [ -f "$STAMP" ]; then
  echo "setup-code-server: code-server $VERSION already in $DEST"
  exit 0
fi

echo "setup-code-server: installing code-server $VERSION into $DEST"
rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
printf '{ "name": "code-server-cache", "private": true }\n' > package.json
# Debian's (and NodeSource's) Node ships its headers: node-gyp builds against them, no download.
if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
export npm_config_yes=true              # node-pty's install step runs `npx node-gyp`
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm install --ignore-scripts --no-package-lock "code-server@$VERSION" >/dev/null
npm rebuild argon2 >/dev/null

VS="$DEST/node_modules/code-server/lib/vscode"
cd "$VS"
npm install --omit=dev --ignore-scripts >/dev/null
# @vscode/ripgrep's postinstall would fetch a binary from GitHub: give it Debian's instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild >/dev/null                 # spdlog, node-pty, @parcel/watcher, kerberos, native-watchdog...
# What code-server's own postinstall would do.
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install --omit=dev >/dev/null)

node -e "for (const m of ['@vscode/spdlog', 'node-pty', '@parcel/watcher', 'native-watchdog', 'kerberos']) require(m)"
touch "$STAMP"
echo "setup-code-server: code-server $(node -p "require('$DEST/node_modules/code-server/package.json').version") ready: $DEST/node_modules/.bin/code-server"
