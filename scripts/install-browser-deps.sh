#!/bin/sh
# Install what the real-browser tests (tests/browser/) need, from package registries only:
#   - Debian's chromium at /usr/bin/chromium (Playwright drives it; `playwright install`
#     downloads a browser build of its own, which this project never does),
#   - axe-core, pinned by tests/browser/package-lock.json, into tests/browser/node_modules.
# Fails loudly when chromium cannot be had: the browser tests would otherwise not run.
set -eu
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium

fail() {
    echo "install-browser-deps: $*" >&2
    exit 1
}

if [ ! -x "$CHROMIUM" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        fail "$CHROMIUM is missing and only root can install it: run 'sudo apt-get update && sudo apt-get install -y chromium'"
    fi
    command -v apt-get >/dev/null 2>&1 || fail "$CHROMIUM is missing and apt-get is not available to install it"
    echo "install-browser-deps: installing Debian's chromium" >&2
    apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation \
        || fail "apt-get could not install chromium"
fi
[ -x "$CHROMIUM" ] || fail "$CHROMIUM is still missing after installing the chromium package"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1 \
    || fail "$CHROMIUM is installed but does not start"

if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
    if ! command -v npm >/dev/null 2>&1; then
        [ "$(id -u)" -eq 0 ] || fail "npm is needed to install axe-core: run 'sudo apt-get install -y npm'"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm \
            || fail "apt-get could not install npm"
    fi
    npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error \
        || fail "npm ci could not install axe-core from tests/browser/package-lock.json"
fi
[ -f tests/browser/node_modules/axe-core/axe.min.js ] || fail "axe-core is missing after npm ci"
echo "install-browser-deps: chromium and axe-core ready" >&2
