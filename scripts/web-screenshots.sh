#!/usr/bin/env bash
# Regenerates docs/screenshots/web-*.png: the three web pages mid-meeting at
# 360x640 and 1366x768, in Chinese and English, in Debian's headless
# Chromium. Usage: scripts/web-screenshots.sh [BUILD_DIR] (default build/dev).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
[ -f "$build/build.ninja" ] || cmake --preset dev >/dev/null
cmake --build "$build" --target gaveld web >/dev/null
node tests/browser/screenshots.mjs "$build/server/gaveld/gaveld" "$build/web" \
  examples/residents-council/meeting.toml docs/screenshots
