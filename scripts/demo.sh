#!/usr/bin/env bash
# Runs Gavel on the sample meeting: installs what is missing, builds, and
# starts gaveld with its data in ./data/demo. Ctrl-C stops it; run it again
# and the meeting resumes where it was.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh dev
port="${GAVEL_PORT:-8080}"
data="${GAVEL_DATA:-data/demo}"
echo
echo "Gavel demo: 居民议事会 sample meeting (examples/residents-council)"
echo "  run the agenda from another terminal, e.g.:"
echo "    build/dev/clients/cli/gavelctl --access $data/access.json status"
echo "    build/dev/clients/cli/gavelctl --access $data/access.json meeting start"
echo "  the projector (another terminal, on the machine with the projector):"
echo "    build/dev/display/gavel-display --access $data/access.json --fullscreen"
echo "  see docs/cli.md for the whole walk-through. Ctrl-C stops the server."
echo
exec build/dev/server/gaveld/gaveld --data "$data" --port "$port" \
  --meeting examples/residents-council/meeting.toml
