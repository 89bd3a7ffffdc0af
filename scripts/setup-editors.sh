#!/usr/bin/env bash
# Installs the real editors test/editors drives (Neovim, Emacs + eglot, Vim + ALE) from
# Debian's packages, whichever are missing, where apt-get can (scripts/apt.sh). Elsewhere it
# installs nothing and says so: the tests run the editors they find and skip the others,
# loudly (INTERVIEW_FOLLOWUP_REQUIRE_ALL=1 makes that a failure). Idempotent: nothing to do
# takes well under a second.
set -euo pipefail
APT="$(dirname "$0")/apt.sh"
missing=$("$APT" missing neovim emacs-nox elpa-eglot vim vim-ale | tr '\n' ' ')
missing=${missing% }
[ -n "$missing" ] || exit 0
why=$("$APT" blocker)
if [ -n "$why" ]; then
  echo "setup-editors: not installing $missing: $why. The real-editor tests use the editors on PATH and skip the others (Neovim 0.7+, Emacs 28 + eglot, Vim 9 + ALE)." >&2
  exit 0
fi
echo "setup-editors: apt-get install $missing"
# shellcheck disable=SC2086 # one word per package
"$APT" install $missing
