#!/usr/bin/env bash
# Debian packages for the test layers that need more than Node: used by setup-editors.sh and
# setup-code-server.sh, and by the tests to say why a layer was skipped. apt-get runs only
# where it can without a question: Debian or a derivative, as root or with passwordless sudo.
#
#   scripts/apt.sh blocker          why apt-get cannot install here; prints nothing when it can
#   scripts/apt.sh missing PKG...   the packages not installed (all of them without dpkg)
#   scripts/apt.sh install PKG...   apt-get update, then install them
#   scripts/apt.sh ensure WHO WHAT PKG...
#                                   install the missing ones, saying so as WHO; where apt-get cannot,
#                                   one line saying why and WHAT follows, and exit 4
#
# Plain bash 3.2 (macOS) too: no empty arrays under `set -u`.
set -euo pipefail

blocker() {
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    echo "apt-get not available"
  elif [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "apt-get needs root and sudo is not available"
    elif ! sudo -n -E true 2>/dev/null; then
      echo "apt-get needs root or passwordless sudo"
    fi
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n -E "$@"; fi
}

case "${1:-}" in
  blocker)
    blocker
    ;;
  missing)
    shift
    for pkg in "$@"; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$pkg"
    done
    ;;
  install)
    shift
    why=$(blocker)
    if [ -n "$why" ]; then echo "apt.sh: cannot install $*: $why" >&2; exit 3; fi
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    ;;
  ensure)
    who=$2 what=$3
    shift 3
    missing=""
    for pkg in "$@"; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $pkg"
    done
    missing=${missing# }
    [ -n "$missing" ] || exit 0
    why=$(blocker)
    if [ -n "$why" ]; then echo "$who: not installing $missing: $why. $what" >&2; exit 4; fi
    echo "$who: apt-get install $missing"
    # shellcheck disable=SC2086 # one word per package
    "$0" install $missing
    ;;
  *)
    echo "usage: scripts/apt.sh blocker | missing PKG... | install PKG... | ensure WHO WHAT PKG..." >&2
    exit 2
    ;;
esac
