#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the real-browser tests (tests/test_browser.py)
# when they are missing; does nothing when both are there. Safe to run again (CI runs it).
# Playwright drives this system Chromium: `playwright install` (which downloads its own
# browser build) is never needed.
set -euo pipefail

if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium and chromedriver already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
echo "installed: $(/usr/bin/chromium --version 2>/dev/null | tail -1)"
