#!/usr/bin/env bash
# Set up ControlRoom on a fresh Debian/Ubuntu machine: system libraries for Qt
# (offscreen and X11), a CJK font, a virtual environment in .venv with the project
# and its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libglib2.0-0 libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0
  libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-image0
  fonts-noto-cjk
  postgresql  # the tests start a throw-away server of their own (tests/pgserver.py); the app needs none
  openbox xdotool x11-utils  # tests/x11: a window manager, real keystrokes, xprop
  chromium  # tests/live/test_views_browser.py: the browser views in a real headless browser
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install: ${missing[*]}" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
# Bytecode once, as pip does for an installed package: an editable install otherwise
# compiles every module at each start where PYTHONDONTWRITEBYTECODE is set (it halves the
# CPU time of our imports at start-up, bench/startup.py).
.venv/bin/python -m compileall -q controlroom >/dev/null
echo "setup: ready (.venv)"
