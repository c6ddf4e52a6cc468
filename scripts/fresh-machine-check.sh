#!/usr/bin/env bash
# What a newcomer sees: clones this repository into a temporary folder and runs the README's two
# commands there, with a plain Node from the npm registry first on the PATH (Node 20 by default,
# the version these machines ship), the npm that came with that Node, and nothing else prepared.
#
#   scripts/fresh-machine-check.sh            # Node 20
#   NODE_VERSION=18.20.8 NPM_VERSION=10.8.2 scripts/fresh-machine-check.sh
#
# Checks that `npm ci && npm start` serves the site on the README's address, then that `npm test`
# exits 0 in a new shell with a clean environment (a new terminal: no variable set by hand).
# Too slow for `npm test` itself (a full install, build and test run). Needs git, curl, and
# Chromium as the README says (/usr/bin/chromium or CHROMIUM_PATH).
set -euo pipefail

NODE_VERSION="${NODE_VERSION:-20.19.5}"
NPM_VERSION="${NPM_VERSION:-10.8.2}" # the npm that Node 20.19.5 ships with
ADDRESS="http://127.0.0.1:4321/"
# The README's two commands, word for word (tests/readme-commands.test.ts holds them to the README).
SERVE_COMMAND='npm ci && npm start'
TEST_COMMAND='npm test'

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -- "-$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf 'fresh-machine-check: %s\n' "$*"; }

# Lines a newcomer could mistake for a failure when nothing failed: npm's and Node's warnings,
# Astro's and Vite's [WARN] boxes, engine complaints, deprecations.
ALARMING='npm (warn|WARN|ERR)|EBADENGINE|\[WARN\]|\(node:[0-9]+\)|DeprecationWarning|ExperimentalWarning|ELSPROBLEMS'
# Except the one warning the build means to give: a build without SITE_URL publishes no absolute
# address (src/integrations/site-address.mjs), which is right for a local run.
EXPECTED='\[WARN\] \[site-address\] SITE_URL is not set'
alarming() {
  if grep -n -E "$ALARMING" "$1" | grep -v -E "$EXPECTED" >"$1.alarming"; then
    say "lines in the output of $2 that look like a failure:"
    sed 's/^/  | /' "$1.alarming"
    return 1
  fi
  say "nothing in the output of $2 looks like a failure"
}

# A Node and an npm from the registry, fetched with whatever npm this machine has.
platform="$(uname -s | tr '[:upper:]' '[:lower:]')"
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
say "fetching node-$platform-$arch@$NODE_VERSION and npm@$NPM_VERSION from the registry"
mkdir -p "$work/fetch" "$work/bin"
(cd "$work/fetch" && npm pack --silent "node-$platform-$arch@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
mkdir -p "$work/node" "$work/npm"
tar -xzf "$work"/fetch/node-*.tgz -C "$work/node" --strip-components=1
tar -xzf "$work"/fetch/npm-*.tgz -C "$work/npm" --strip-components=1
ln -s "$work/node/bin/node" "$work/bin/node"
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$work/node/bin/node" "$work/npm/bin/npm-cli.js" >"$work/bin/npm"
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$work/node/bin/node" "$work/npm/bin/npx-cli.js" >"$work/bin/npx"
chmod +x "$work/bin/npm" "$work/bin/npx"

# A clean environment, as a new terminal has it: the registry's Node first on the PATH, then only
# the system's basic folders; the machine's own network settings (proxy, certificate authorities)
# pass through, since every program on the machine needs those; nothing else does.
clean_env=(env -i "HOME=$HOME" "PATH=$work/bin:/usr/bin:/bin" "TERM=${TERM:-dumb}")
for name in NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy \
  npm_config_registry npm_config_cafile CHROMIUM_PATH; do
  if [ -n "${!name:-}" ]; then clean_env+=("$name=${!name}"); fi
done
say "on the PATH: node $("${clean_env[@]}" node --version), npm $("${clean_env[@]}" npm --version)"

git clone -q "$repo" "$work/project"
# As on CI, the course's shared fixtures sit beside the clone (the workbook tests read them).
if [ -d "$repo/../shared" ]; then ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"; fi
cd "$work/project"

say "\$ $SERVE_COMMAND"
started=$SECONDS
# Its own process group, so that stopping it also stops the server it starts.
setsid "${clean_env[@]}" bash -c "$SERVE_COMMAND" >"$work/serve.log" 2>&1 &
server_pid=$!
until curl -fsS "$ADDRESS" -o "$work/index.html" 2>/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    say "FAILED: '$SERVE_COMMAND' stopped before serving; its output:"
    cat "$work/serve.log"
    exit 1
  fi
  if [ $((SECONDS - started)) -gt 600 ]; then
    say "FAILED: nothing answered on $ADDRESS after 10 minutes"
    exit 1
  fi
  sleep 2
done
grep -q 'Backpropagation, live' "$work/index.html" || { say "FAILED: $ADDRESS answered, but not with the site"; exit 1; }
say "the site answers on $ADDRESS after $((SECONDS - started)) s"
say "its output, whole:"
sed 's/^/  | /' "$work/serve.log"
quiet=0
alarming "$work/serve.log" "'$SERVE_COMMAND'" || quiet=1
kill -- "-$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

say "\$ $TEST_COMMAND   (a new shell, clean environment)"
started=$SECONDS
if "${clean_env[@]}" bash -c "$TEST_COMMAND" >"$work/test.log" 2>&1; then
  say "'$TEST_COMMAND' passed in $((SECONDS - started)) s; the last lines of its output:"
  tail -n 5 "$work/test.log" | sed 's/^/  | /'
  alarming "$work/test.log" "'$TEST_COMMAND'" || quiet=1
else
  say "FAILED: '$TEST_COMMAND' exited non-zero; the last 60 lines:"
  tail -n 60 "$work/test.log"
  exit 1
fi

(cd "$work/project" && "${clean_env[@]}" npm ls >/dev/null 2>&1) && say "npm ls exits 0" || { say "npm ls reports problems"; quiet=1; }
[ "$quiet" = 0 ] || { say "FAILED: a clean run printed lines that look like failures (above)"; exit 1; }
say "passed: node $NODE_VERSION, npm $NPM_VERSION"
