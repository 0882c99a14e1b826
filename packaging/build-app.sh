#!/usr/bin/env bash
# Builds the one-folder desktop application with PyInstaller:
#   dist/article-editor/article-editor   (plus everything it needs beside it)
# The build has its own virtual environment, build/pyinstaller-venv, with the project
# installed as a user would get it (`pip install .`, not editable) with its `package`
# extra (the hunspell extension, built against libhunspell: libhunspell-dev, g++ and
# the Python headers, which `packaging/system-deps.sh build` installs) and PyInstaller.
#   packaging/build-app.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=build/pyinstaller-venv
LOG=build/pyinstaller.log
started=$SECONDS

for dictionary in en_GB en_US; do
  if [ ! -f "/usr/share/hunspell/$dictionary.dic" ]; then
    echo "build-app: /usr/share/hunspell/$dictionary.dic is missing (packaging/system-deps.sh run)" >&2
    exit 1
  fi
done

mkdir -p build
if [ ! -x "$VENV/bin/python" ]; then
  echo "build-app: creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
echo "build-app: installing the project (with its package extra) and PyInstaller into $VENV"
if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade ".[package]" pyinstaller \
    >build/pyinstaller-pip.log 2>&1; then
  tail -n 30 build/pyinstaller-pip.log >&2
  echo "build-app: pip install failed; the whole log is build/pyinstaller-pip.log" >&2
  echo "build-app: building the hunspell extension needs libhunspell-dev, g++ and the" \
    "Python headers (packaging/system-deps.sh build)" >&2
  exit 1
fi
# A local folder with an unchanged version number is not reinstalled by --upgrade:
# reinstall the project itself so the bundle has the current source and resources.
"$VENV/bin/python" -m pip install --disable-pip-version-check -q --force-reinstall --no-deps . \
  >>build/pyinstaller-pip.log 2>&1

echo "build-app: running PyInstaller (log in $LOG)"
rm -rf dist/article-editor
# From build/, so the analysis imports the installed package, not the source tree.
if ! (cd build && ../"$VENV"/bin/pyinstaller --noconfirm --clean --log-level WARN \
        --distpath ../dist --workpath pyinstaller-work ../packaging/article-editor.spec) \
     >"$LOG" 2>&1; then
  tail -n 40 "$LOG" >&2
  echo "build-app: PyInstaller failed; the whole log is $LOG" >&2
  exit 1
fi

size=$(du -sh dist/article-editor | cut -f1)
echo "build-app: dist/article-editor ($size) built in $((SECONDS - started)) s"
