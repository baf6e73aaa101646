#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server + headless Chromium), offline:
#   1. setup.sh        installs the tools once per machine (skipped when present)
#   2. npm run build   bundles the extension into dist/ (E2E_SKIP_BUILD=1 skips it)
#   3. build-suite.mjs bundles test/e2e/suite into test/e2e/.run/suite.cjs
#   4. run.mjs         runs the suite; its exit code is this script's
#
# Usage: test/e2e/run-e2e.sh [run.mjs options, e.g. --keep or --timeout MS]
# Environment: E2E_TOOLS_DIR (default ~/.cache/keepalived-e2e), E2E_TIMEOUT_MS (default 300000),
#   E2E_SCREENSHOT_DIR (default docs/), E2E_GREP (mocha grep), E2E_KEEP=1, E2E_DEBUG=1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="${E2E_TOOLS_DIR:-$HOME/.cache/keepalived-e2e}"
timeout_ms="${E2E_TIMEOUT_MS:-300000}"
export E2E_TIMEOUT_MS="$timeout_ms"

bash "$here/setup.sh" "$tools"
if [ "${E2E_SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && npm run --silent build)
fi
node "$here/build-suite.mjs" --tools "$tools"

# run.mjs enforces E2E_TIMEOUT_MS and cleans up after itself; the outer timeout only guards
# against the driver itself hanging (SIGTERM lets it clean up, SIGKILL 30 s later does not).
exec timeout --kill-after=30 "$(( timeout_ms / 1000 + 60 ))" node "$here/run.mjs" --tools "$tools" "$@"
