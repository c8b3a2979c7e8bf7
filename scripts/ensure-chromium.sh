#!/usr/bin/env bash
# Installs Debian's chromium for Playwright (never `npx playwright install`: only Debian's mirror is reachable).
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "ensure-chromium: $CHROMIUM not found, installing Debian's chromium..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null)" >&2
