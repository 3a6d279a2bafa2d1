#!/usr/bin/env bash
# Configures and builds one preset (default: dev). Used by test.sh and demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
# Clones and worktrees share ccache entries: paths are hashed relative to
# here, and not the build folder itself (ccache hashes it for -g by default,
# so a fresh clone missed every entry: 12 minutes a build on this machine).
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
export CCACHE_NOHASHDIR=1
[ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -- -j"$(nproc)"
