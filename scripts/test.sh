#!/usr/bin/env bash
# Set up and run every test on a fresh machine: dependencies from the lockfile,
# Debian's chromium for the browser tests (when missing), then type check,
# lint and the whole Vitest suite (unit, golden, browser).
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

npm run check
npm test
