#!/usr/bin/env bash
# Smoke test of the frozen application (what CI runs after packaging/build-app.sh):
# version, HTML and DOCX export, check, the library (Alembic migrations), spelling
# from the bundled libhunspell and dictionaries (also with the system's libenchant,
# libhunspell and dictionaries hidden), and the window started headless for a few
# seconds.
# Every run uses a throw-away HOME and config dir and a bare environment, so neither
# the user's settings nor the development environment play any part.
#   packaging/frozen-smoke.sh [APP]    (default: dist/article-editor/article-editor)
set -euo pipefail
cd "$(dirname "$0")/.."

APP=$(realpath -m "${1:-dist/article-editor/article-editor}")
SAMPLE=$(realpath resources/sample/sample.article.json)
[ -x "$APP" ] || { echo "frozen-smoke: no application at $APP (packaging/build-app.sh)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/config"

fail() { echo "frozen-smoke: FAILED: $*" >&2; exit 1; }

# A bare environment: no venv, no PYTHONPATH, no user settings.
app() {
  env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 \
    ARTICLE_EDITOR_CONFIG_DIR="$WORK/config" ${DISPLAY:+DISPLAY=$DISPLAY} "$@"
}

version=$(app "$APP" --version) || fail "--version exited with $?"
[[ "$version" == article-editor\ * ]] || fail "--version printed '$version'"
echo "ok: --version prints '$version'"

headline=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["meta"]["headline"])' \
  "$SAMPLE" 2>/dev/null || true)
app "$APP" export "$SAMPLE" -o "$WORK/sample.html" 2>"$WORK/export.err" ||
  fail "export to HTML: $(cat "$WORK/export.err")"
[ -s "$WORK/sample.html" ] || fail "the HTML export is empty"
if [ -n "$headline" ]; then
  grep -qF "$headline" "$WORK/sample.html" || fail "the HTML export lacks the headline '$headline'"
fi
grep -qi "<html" "$WORK/sample.html" || fail "the HTML export has no <html> element"
echo "ok: export to HTML ($(wc -c <"$WORK/sample.html") bytes, headline present)"

app "$APP" export "$SAMPLE" -o "$WORK/sample.docx" 2>"$WORK/export.err" ||
  fail "export to DOCX: $(cat "$WORK/export.err")"
python3 - "$WORK/sample.docx" <<'PY' || fail "the DOCX export is not a Word document"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as docx:
    assert b"<w:body" in docx.read("word/document.xml")
PY
echo "ok: export to DOCX ($(wc -c <"$WORK/sample.docx") bytes, a zip with word/document.xml)"

status=0
app "$APP" check "$SAMPLE" >"$WORK/check.out" 2>"$WORK/check.err" || status=$?
[ "$status" -le 1 ] || fail "check exited with $status: $(cat "$WORK/check.err")"
echo "ok: check runs (exit $status, $(wc -l <"$WORK/check.out") findings)"

printf '# Budget\n\nThe councl approved the budget on Tuesday.\n' >"$WORK/typo.md"
app "$APP" check "$WORK/typo.md" >"$WORK/spell.out" 2>"$WORK/spell.err" || true
grep -q "spelling.unknown-word.*councl" "$WORK/spell.out" ||
  fail "spelling finds nothing in a misspelt article: $(cat "$WORK/spell.err")"
echo "ok: spelling works (finds a misspelt word)"

# Spelling needs nothing of the system: the bundle has libhunspell and the
# dictionaries and no Enchant, the process never loads a libenchant, and with the
# system's libenchant, libhunspell and dictionary folders hidden it still spells.
BUNDLE=$(dirname "$APP")/_internal
found=$(find "$BUNDLE" -iname '*enchant*' | head -n 3)
[ -z "$found" ] || fail "the bundle carries Enchant: $found"
bundled_lib=$(find "$BUNDLE" -maxdepth 1 -name 'libhunspell*.so*' | head -n 1)
[ -n "$bundled_lib" ] || fail "the bundle has no libhunspell"
[ -f "$BUNDLE/hunspell/en_GB.dic" ] && [ -f "$BUNDLE/hunspell/en_US.aff" ] ||
  fail "the bundle has no en_GB/en_US dictionaries in hunspell/"
app LD_DEBUG=libs "$APP" check "$WORK/typo.md" >"$WORK/spell.out" 2>"$WORK/ld.log" || true
grep -q "spelling.unknown-word.*councl" "$WORK/spell.out" || fail "spelling under LD_DEBUG"
grep -qF "calling init: $bundled_lib" "$WORK/ld.log" ||
  fail "libhunspell was not loaded from the bundle: $(grep -i hunspell "$WORK/ld.log" | head -n 3)"
if grep -i -m 3 "libenchant" "$WORK/ld.log"; then fail "the app loaded a libenchant (above)"; fi
echo "ok: spelling uses the bundle's $(basename "$bundled_lib"), never loads libenchant"

if [ "$(id -u)" -eq 0 ] && unshare --mount --propagation private true 2>/dev/null; then
  hidden_files=() hidden_dirs=()
  for library in $(ldconfig -p | awk '/lib(enchant-2|hunspell)/ {print $NF}'); do
    hidden_files+=("$(realpath "$library")")
  done
  for folder in /usr/lib/*/enchant-2 /usr/share/hunspell /usr/share/myspell /usr/local/share/hunspell; do
    [ -d "$folder" ] && hidden_dirs+=("$folder")
  done
  # A private mount namespace: /dev/null over the libraries and an empty tmpfs over
  # the folders, seen by this one command only; the system itself is not touched.
  unshare --mount --propagation private bash -c '
    set -euo pipefail
    files=() dirs=()
    while [ "$1" != -- ]; do files+=("$1"); shift; done; shift
    while [ "$1" != -- ]; do dirs+=("$1"); shift; done; shift
    for file in ${files[@]+"${files[@]}"}; do mount --bind /dev/null "$file"; done
    for dir in ${dirs[@]+"${dirs[@]}"}; do mount -t tmpfs hidden "$dir"; done
    if python3 -c "import ctypes; ctypes.CDLL(\"libenchant-2.so.2\")" 2>/dev/null; then
      echo "libenchant-2.so.2 still loads" >&2; exit 3
    fi
    exec "$@"' hide ${hidden_files[@]+"${hidden_files[@]}"} -- \
      ${hidden_dirs[@]+"${hidden_dirs[@]}"} -- \
      env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 \
      ARTICLE_EDITOR_CONFIG_DIR="$WORK/config" "$APP" check "$WORK/typo.md" \
      >"$WORK/spell.out" 2>"$WORK/spell.err" || true
  grep "spelling.unknown-word.*councl" "$WORK/spell.out" ||
    fail "spelling with the system's Enchant and Hunspell hidden: $(cat "$WORK/spell.err")"
  echo "ok: spelling works with ${hidden_files[*]:-no libraries} and ${hidden_dirs[*]:-no folders} hidden"
else
  echo "skipped: hiding the system's libenchant needs root and unshare (the checks above still hold)"
fi

app "$APP" library --library "$WORK/library.sqlite3" add "$SAMPLE" >/dev/null 2>"$WORK/lib.err" ||
  fail "library add (migrations): $(cat "$WORK/lib.err")"
app "$APP" library --library "$WORK/library.sqlite3" list >"$WORK/lib.out" 2>"$WORK/lib.err" ||
  fail "library list: $(cat "$WORK/lib.err")"
[ -n "$headline" ] && { grep -qF "$headline" "$WORK/lib.out" || fail "library list lacks the sample"; }
echo "ok: library created by the migrations, article added and listed"

status=0
app QT_QPA_PLATFORM=offscreen timeout 6 "$APP" "$SAMPLE" >"$WORK/gui.out" 2>"$WORK/gui.err" ||
  status=$?
[ "$status" -eq 124 ] || fail "the window exited with $status before the timeout: $(cat "$WORK/gui.err")"
if grep -E -i "Traceback|qt.qpa.plugin|could not (load|find) the Qt platform plugin|Error" \
    "$WORK/gui.err"; then
  fail "the window wrote errors on stderr (above)"
fi
echo "ok: the window runs headless for 6 s without errors"
echo "frozen-smoke: all passed"
