#!/bin/sh
# Chromium for the browser tests (owned by the browser work; called from .ci/run).
# The tests drive Debian's chromium through playwright-core (no browser download)
# and FAIL with the install command when it is missing; they never skip.
set -eu
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "ci: Chromium found at $CHROMIUM"
  exit 0
fi
echo "ci: installing Chromium from Debian packages"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
# Serialise with other apt users on a shared machine when flock is there.
LOCK=""
command -v flock >/dev/null 2>&1 && LOCK="flock /tmp/apt.lock"
$SUDO $LOCK apt-get update -qq
# DejaVu gives the screenshots Vietnamese glyphs; recommends (printing, extensions) are not needed headless.
DEBIAN_FRONTEND=noninteractive $SUDO $LOCK apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
test -x /usr/bin/chromium
echo "ci: Chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
