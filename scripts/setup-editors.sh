#!/usr/bin/env bash
# Installs the real editors test/editors drives (Neovim, Emacs + eglot, Vim + ALE) from
# Debian's packages, whichever are missing. Idempotent: nothing to do takes well under a second.
set -euo pipefail
missing=()
for pkg in neovim emacs-nox elpa-eglot vim vim-ale; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -E); fi
  echo "setup-editors: apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
