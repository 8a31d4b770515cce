#!/bin/sh
# PostgreSQL for the storage tests (owned by the storage work; called from .ci/run).
# The tests start a throwaway cluster themselves (test/support/postgres-global-setup.ts:
# initdb + pg_ctl on a free loopback port in a temp dir, stopped at the end) unless
# TEST_DATABASE_URL names a server. Here we only make sure the binaries exist.
# Without a server the PostgreSQL tests FAIL with the reason; they never skip.
set -eu
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "ci: PostgreSQL tests use TEST_DATABASE_URL"
  exit 0
fi
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1; then
  echo "ci: PostgreSQL binaries found; the tests start a throwaway cluster"
  exit 0
fi
echo "ci: installing PostgreSQL from Debian packages"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null
echo "ci: PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin)"
