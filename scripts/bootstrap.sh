#!/usr/bin/env bash
# Installs what Gavel needs to build and test, from Debian's packages and the
# npm registry. Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libboost1.74-dev libssl-dev libprotobuf-dev protobuf-compiler
  libsqlite3-dev sqlite3 libtomlplusplus-dev nlohmann-json3-dev libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri libqrencode-dev libpng-dev
  libstb-dev fonts-noto-cjk xvfb xauth openssl
  chromium
  libpango1.0-dev libcairo2-dev poppler-utils python3
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "bootstrap: Debian packages ready"

# The web pages' npm packages, exactly as the lockfile pins them. `npm ci`
# again only when the lockfile changed since the last install.
web=clients/web
if command -v npm >/dev/null 2>&1; then
  stamp="$web/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$web/package-lock.json" -nt "$stamp" ]; then
    echo "bootstrap: npm ci in $web"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  echo "bootstrap: npm packages ready"
else
  echo "bootstrap: no npm (install Node 20): the web pages and browser tests will be skipped"
fi
