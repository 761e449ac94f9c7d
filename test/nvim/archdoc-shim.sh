#!/bin/sh
# `archdoc` on PATH for the Neovim suite: this clone's CLI (scripts/test-nvim.mjs sets ARCHDOC_CLI).
exec node "$ARCHDOC_CLI" "$@"
