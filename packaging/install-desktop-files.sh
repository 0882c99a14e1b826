#!/usr/bin/env bash
# Installs Article Editor's desktop integration: the .desktop launcher, the AppStream
# metainfo and the icon set (hicolor PNG sizes plus the scalable SVG).
#
#   packaging/install-desktop-files.sh [--prefix DIR] [--exec PROGRAM] [--no-refresh]
#
#   --prefix DIR     install under DIR/share/... (default: ~/.local)
#   --exec PROGRAM   the program the launcher starts (default: article-editor, found on
#                    PATH — right for `pip install`); the frozen build passes the full
#                    path of its executable, which may contain spaces
#   --no-refresh     do not update the desktop and icon caches (for staging trees that
#                    are packaged elsewhere)
set -euo pipefail

APP_ID=io.github.articleeditor.ArticleEditor
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${HOME:?}/.local"
program=article-editor
refresh=1

usage() { sed -n '2,12s/^# \{0,1\}//p' "$0" >&2; exit 2; }
fail() { echo "install-desktop-files: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || usage; prefix="$2"; shift 2 ;;
    --exec) [ $# -ge 2 ] || usage; program="$2"; shift 2 ;;
    --no-refresh) refresh=0; shift ;;
    -h|--help) usage ;;
    *) echo "install-desktop-files: unknown argument: $1" >&2; usage ;;
  esac
done

[ -n "$program" ] || fail "--exec needs a program"
case "$program" in
  *[\"\`\$\\]*|*$'\n'*)
    fail "the program path may not contain \", \`, \$, \\ or a newline: $program" ;;
esac

# The Exec key's quoting (Desktop Entry Specification, "The Exec key"): an argument
# with a reserved character goes in double quotes; a literal % is written %%.
exec_program="${program//%/%%}"
case "$program" in
  *[[:space:]\'\>\<~\|\&\;\*\?\#\(\)]*) exec_program="\"$exec_program\"" ;;
esac

desktop_source="$ROOT/packaging/linux/$APP_ID.desktop"
metainfo_source="$ROOT/packaging/linux/$APP_ID.metainfo.xml"
icons_source="$ROOT/resources/icons"
for needed in "$desktop_source" "$metainfo_source" "$icons_source/$APP_ID.svg"; do
  [ -f "$needed" ] || fail "missing $needed"
done

share="$prefix/share"
applications="$share/applications"
mkdir -p "$applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"

# The launcher, with Exec= and TryExec= pointing at the program.
desktop_target="$applications/$APP_ID.desktop"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    Exec=article-editor\ *) printf 'Exec=%s %s\n' "$exec_program" "${line#Exec=article-editor }" ;;
    Exec=*) fail "$desktop_source: expected 'Exec=article-editor ARGS', found '$line'" ;;
    TryExec=*) printf 'TryExec=%s\n' "$program" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$desktop_source" >"$desktop_target.tmp"
mv "$desktop_target.tmp" "$desktop_target"
chmod 644 "$desktop_target"
echo "installed $desktop_target"

install -m 644 "$metainfo_source" "$share/metainfo/$APP_ID.metainfo.xml"
echo "installed $share/metainfo/$APP_ID.metainfo.xml"

install -m 644 "$icons_source/$APP_ID.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
count=0
for png in "$icons_source"/*x*/"$APP_ID.png"; do
  size="$(basename "$(dirname "$png")")"
  install -D -m 644 "$png" "$share/icons/hicolor/$size/apps/$APP_ID.png"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || fail "no PNG icons in $icons_source (run packaging/render_icons.py)"
echo "installed $count PNG icons and the SVG under $share/icons/hicolor"

if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$desktop_target" || fail "$desktop_target does not validate"
fi

if [ "$refresh" -eq 1 ]; then
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
  fi
fi
