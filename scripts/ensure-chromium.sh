#!/usr/bin/env sh
# The browser tier (test/browser/) drives Debian's Chromium through playwright-core's
# executablePath: no browser download. Installs it when missing (as root, from Debian's
# packages); anywhere else it says how. PITLANE_CHROMIUM overrides the binary's path.
set -eu
BIN="${PITLANE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$BIN" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $BIN missing; installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  [ -x "$BIN" ] && exit 0
fi
echo "ensure-chromium: no Chromium at $BIN. Install it (apt-get install -y chromium) or set PITLANE_CHROMIUM." >&2
exit 1
