#!/usr/bin/env bash
# Installs the real editors test/editors drives (Neovim, Emacs + eglot, Vim + ALE) from
# Debian's packages, whichever are missing, where apt-get can (scripts/apt.sh). Elsewhere it
# installs nothing and says so: the tests run the editors they find and skip the others,
# loudly (INTERVIEW_FOLLOWUP_REQUIRE_ALL=1 makes that a failure). Idempotent: nothing to do
# takes well under a second.
set -euo pipefail
APT="$(dirname "$0")/apt.sh"
# Exit 4: apt-get cannot install here (said on stderr); the tests skip what is missing.
"$APT" ensure setup-editors "The real-editor tests use the editors on PATH and skip the others (Neovim 0.7+, Emacs 28 + eglot, Vim 9 + ALE)." \
  neovim emacs-nox elpa-eglot vim vim-ale || [ $? -eq 4 ]
