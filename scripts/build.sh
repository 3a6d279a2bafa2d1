#!/usr/bin/env bash
# Configures and builds one preset (default: dev). Used by test.sh and demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
# Clones and worktrees share ccache entries: paths are hashed relative to here.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
[ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -- -j"$(nproc)"
