#!/usr/bin/env bash
# Installs the Debian packages Article Editor needs, only those that are missing.
#   packaging/system-deps.sh run    what the window needs (Qt's X11 libraries, fonts,
#                                   spelling dictionaries)
#   packaging/system-deps.sh test   what the headless test suite needs
set -euo pipefail

common=(
  libenchant-2-2 hunspell-en-us hunspell-en-gb   # spelling (pyenchant)
  libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0
  fonts-dejavu-core
)
window=(
  # Qt 6.5+ will not open an X11 window without libxcb-cursor0 and friends.
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libx11-xcb1
)

case "${1:-run}" in
  run) wanted=("${common[@]}" "${window[@]}") ;;
  test) wanted=("${common[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; install the equivalents of: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == *"install ok installed"* ]] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "system-deps: missing ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
