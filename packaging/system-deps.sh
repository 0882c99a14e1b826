#!/usr/bin/env bash
# Installs the Debian packages Article Editor needs, only those that are missing.
#   packaging/system-deps.sh run    what the window needs (Qt's X11 libraries, fonts,
#                                   spelling dictionaries)
#   packaging/system-deps.sh test   what the headless test suite needs
#   packaging/system-deps.sh build  what building the `package` extra needs: the
#                                   hunspell extension compiles against libhunspell
#                                   with g++ and the headers of $PYTHON (default python3)
# Several at once: packaging/system-deps.sh run build
set -euo pipefail

common=(
  # spelling: Enchant from source (pyenchant), the dictionaries for both backends
  libenchant-2-2 hunspell-en-us hunspell-en-gb
  libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0
  fonts-dejavu-core
)
window=(
  # Qt 6.5+ will not open an X11 window without libxcb-cursor0 and friends.
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libx11-xcb1
)

build=(libhunspell-dev g++)
PYTHON=${PYTHON:-python3}

# Debian's own Python keeps Python.h in python3.X-dev; pyenv's and the like have it.
python_headers() {
  local found
  found=$("$PYTHON" -c 'import os, sys, sysconfig
include = sysconfig.get_path("include")
print("yes" if os.path.isfile(os.path.join(include, "Python.h")) else "python%d.%d-dev" % sys.version_info[:2])' 2>/dev/null) ||
    return 0
  [ "$found" = yes ] || echo "$found"
}

wanted=()
[ $# -gt 0 ] || set -- run
for mode in "$@"; do
  case "$mode" in
    run) wanted+=("${common[@]}" "${window[@]}") ;;
    test) wanted+=("${common[@]}") ;;
    build)
      wanted+=("${build[@]}")
      headers=$(python_headers)
      [ -z "$headers" ] || wanted+=("$headers")
      ;;
    *) echo "usage: $0 run|test|build ..." >&2; exit 2 ;;
  esac
done

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
