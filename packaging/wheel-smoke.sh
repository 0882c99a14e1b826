#!/usr/bin/env bash
# Builds the sdist and the wheel into dist/ with `python -m build` (the wheel is
# built from the sdist, so both must be complete), checks that the wheel carries
# the resources and the database migrations, then installs it into a clean virtual
# environment and runs the installed command from another folder: --version, an
# HTML and a DOCX export of the sample article, `check` on it and a library add.
#
#   packaging/wheel-smoke.sh          (PYTHON=python3.12 packaging/wheel-smoke.sh)
#
# Prints one "ok: ..." line per check; stops with "wheel-smoke: FAILED: ..." and a
# non-zero status at the first one that fails. Needs PyPI (the build backend and the
# app's dependencies) and the Debian packages of `packaging/system-deps.sh test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

PYTHON=${PYTHON:-python3}
TOOLS="$ROOT/build/wheel-smoke/tools"   # `build` lives here, not in the project's .venv
DIST="$ROOT/dist"
APP_ID=io.github.articleeditor.ArticleEditor
ICON_SIZES=(16 24 32 48 64 128 256 512)

fail() { echo "wheel-smoke: FAILED: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
quiet() {  # run a command; show its output only when it fails
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

work="$(mktemp -d "${TMPDIR:-/tmp}/article-editor-wheel-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT

version="$("$PYTHON" -c 'import sys, tomllib
print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' pyproject.toml)" \
  || fail "$PYTHON cannot read pyproject.toml (Python 3.11 or newer is needed)"

# -- build ---------------------------------------------------------------------------
if [ ! -x "$TOOLS/bin/python" ] || ! "$TOOLS/bin/python" -c "import build" 2>/dev/null; then
  quiet "$PYTHON" -m venv --clear "$TOOLS" || fail "could not create the build-tools venv $TOOLS"
  quiet "$TOOLS/bin/python" -m pip install --disable-pip-version-check -q build \
    || fail "could not install 'build' into $TOOLS"
fi
rm -f "$DIST"/article_editor-*.whl "$DIST"/article_editor-*.tar.gz
quiet "$TOOLS/bin/python" -m build --outdir "$DIST" "$ROOT" || fail "python -m build failed"
wheel="$DIST/article_editor-$version-py3-none-any.whl"
sdist="$DIST/article_editor-$version.tar.gz"
[ -f "$wheel" ] || fail "no $wheel after the build"
[ -f "$sdist" ] || fail "no $sdist after the build"
ok "built $(basename "$sdist") and $(basename "$wheel")"

# -- what the archives hold ----------------------------------------------------------
# Every file under resources/ and migrations/versions/*.py, against the source tree;
# and no compiled bytecode.
"$PYTHON" - "$wheel" "$sdist" "$version" "$APP_ID" "${ICON_SIZES[@]}" <<'PY' || fail "the archives are incomplete (listed above)"
import sys
import tarfile
import zipfile
from pathlib import Path

wheel, sdist, version, app_id, *sizes = sys.argv[1:]
root = Path.cwd()


def shipped(folder: Path, pattern: str) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.glob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    }


resources = shipped(root / "resources", "**/*")
migrations = shipped(root / "editor_app/library/migrations/versions", "*.py")
required_resources = {
    "sample/sample.article.json",
    "templates/article.docx",
    "templates/article_page.html.j2",
    "schemas/ninjs-2.0.schema.json",
    f"icons/{app_id}.svg",
    *(f"icons/{size}x{size}/{app_id}.png" for size in sizes),
}
problems = [f"resources/{name} is not in the source tree" for name in required_resources - resources]
if not any(name.startswith("stylebook/") and name.endswith(".csv") for name in resources):
    problems.append("resources/stylebook/ has no .csv file")
if not migrations:
    problems.append("editor_app/library/migrations/versions/ has no migration")

wheel_names = set(zipfile.ZipFile(wheel).namelist())
expected_in_wheel = {f"editor_app/resources/{name}" for name in resources} | {
    f"editor_app/library/migrations/versions/{name}" for name in migrations
}
problems += [f"wheel lacks {name}" for name in sorted(expected_in_wheel - wheel_names)]
problems += [f"wheel holds bytecode {name}" for name in sorted(wheel_names) if name.endswith(".pyc")]

top = f"article_editor-{version}/"
with tarfile.open(sdist) as archive:
    sdist_names = {name.removeprefix(top) for name in archive.getnames()}
expected_in_sdist = {"pyproject.toml", "README.md"} | {f"resources/{n}" for n in resources} | {
    f"editor_app/library/migrations/versions/{name}" for name in migrations
}
problems += [f"sdist lacks {name}" for name in sorted(expected_in_sdist - sdist_names)]
problems += [f"sdist holds bytecode {name}" for name in sorted(sdist_names) if name.endswith(".pyc")]

for problem in problems:
    print(f"  {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(
    f"ok: wheel and sdist hold all {len(resources)} resource files (sample, style book, "
    f"templates, schemas, {len(sizes)} PNG icons + SVG) and {len(migrations)} migrations"
)
PY

# -- a clean install, used from somewhere else ---------------------------------------
venv="$work/venv"
quiet "$PYTHON" -m venv "$venv" || fail "could not create the clean venv"
quiet "$venv/bin/python" -m pip install --disable-pip-version-check -q "$wheel" \
  || fail "pip install of the wheel into a clean venv failed"
ok "installed the wheel into a clean venv"

elsewhere="$work/elsewhere"
mkdir -p "$elsewhere"
cd "$elsewhere"
export QT_QPA_PLATFORM=offscreen
cli="$venv/bin/article-editor"

location="$("$venv/bin/python" -c 'import editor_app; print(editor_app.__file__)')"
case "$location" in
  "$venv"/*) ;;
  *) fail "editor_app was imported from $location, not from the clean venv" ;;
esac

printed="$("$cli" --version)" || fail "article-editor --version exited with $?"
[ "$printed" = "article-editor $version" ] \
  || fail "article-editor --version printed '$printed', expected 'article-editor $version'"
ok "article-editor --version: $printed"

sample="$("$venv/bin/python" -c 'from editor_app.assets import resource
print(resource("sample", "sample.article.json"))')"
case "$sample" in
  "$venv"/*) ;;
  *) fail "the sample article resolved to $sample, outside the clean venv" ;;
esac
cp "$sample" sample.article.json
headline="$("$venv/bin/python" -c 'import json, sys
print(json.load(open(sys.argv[1], encoding="utf-8"))["meta"]["headline"])' sample.article.json)" \
  || fail "could not read the sample's headline"

"$cli" export sample.article.json -o sample.html 2>export-html.log \
  || fail "export to HTML: $(cat export-html.log)"
grep -qF "$headline" sample.html || fail "sample.html does not contain the headline '$headline'"
ok "exported the sample to HTML ($(wc -c <sample.html) bytes, headline present)"

"$cli" export sample.article.json -o sample.docx 2>export-docx.log \
  || fail "export to DOCX: $(cat export-docx.log)"
"$venv/bin/python" - sample.docx "$headline" <<'PY' || fail "sample.docx is not a Word document with the headline"
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as document:
    body = document.read("word/document.xml").decode("utf-8")
sys.exit(0 if sys.argv[2] in body else 1)
PY
ok "exported the sample to DOCX ($(wc -c <sample.docx) bytes, headline present)"

# The sample is seeded with name errors: `check` exits 1 and reports each of them,
# which needs the style book from the installed resources.
status=0
"$cli" check --format json sample.article.json >check.json 2>check.err || status=$?
[ "$status" -eq 1 ] || fail "article-editor check exited with $status, expected 1: $(cat check.err)"
missing="$("$venv/bin/python" - "$ROOT/resources/sample/planted-errors.json" check.json <<'PY'
import json
import sys

planted = json.load(open(sys.argv[1], encoding="utf-8"))
found = {(f["text"], s) for f in json.load(open(sys.argv[2], encoding="utf-8")) for s in f["suggestions"]}
print(" ".join(repr(error["wrong"]) for error in planted if (error["wrong"], error["right"]) not in found))
PY
)" || fail "could not read the findings of article-editor check"
[ -z "$missing" ] || fail "article-editor check did not report the planted errors $missing"
ok "article-editor check found the sample's planted name errors and suggested the right spellings"

# A SQLite library runs the Alembic migrations shipped in the wheel.
"$cli" library --library "$elsewhere/library.sqlite" add sample.article.json >/dev/null 2>library.err \
  || fail "article-editor library add: $(cat library.err)"
"$cli" library --library "$elsewhere/library.sqlite" list >library.txt 2>library.err \
  || fail "article-editor library list: $(cat library.err)"
grep -qF "$headline" library.txt || fail "the library does not list the sample after adding it"
ok "a new library (migrations from the wheel) took the sample"

echo "wheel-smoke: all checks passed"
