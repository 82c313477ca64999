#!/bin/sh
# Refresh the UI translations: collect tr() strings from the GUI into the .ts sources (keeping
# existing translations), then compile the .qm files the app loads at run time.
# Usage: packaging/update_translations.sh  (from anywhere; uses the project's .venv if present)
set -eu
cd "$(dirname "$0")/.."
bin=.venv/bin
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
bin=$(cd "$bin" && pwd)  # absolute: lupdate runs from a copy of the sources (see below)
python=$bin/python
[ -x "$python" ] || python=$(command -v python3)
dir=photodedup/assets/translations
mkdir -p "$dir"

# Some modules translate through a helper, `def _tr(text): return QCoreApplication.translate(
# "Context", text)`, which lupdate cannot follow (it only sees literal tr()/translate() calls), so
# their strings would silently never reach the .ts files. lupdate reads a copy of the GUI in which
# each _tr( is spelled out as the translate call it stands for; the copy mirrors the repository's
# layout and keeps every line where it was, so the .ts locations still point at the real files.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/photodedup/gui" "$work/$dir"
"$python" - "$work/photodedup/gui" photodedup/gui/*.py <<'EOF'
import pathlib, re, sys

out = pathlib.Path(sys.argv[1])
helper = re.compile(
    r'def _tr\(\w+(?:: str)?\)(?: -> str)?:\s*return QCoreApplication\.translate\(("[^"]+")'
)
for name in sys.argv[2:]:
    text = pathlib.Path(name).read_text(encoding="utf-8")
    found = helper.search(text)
    if found:
        call = f"QCoreApplication.translate({found.group(1)}, "
        text = re.sub(r"(?<![\w.])(?<!def )_tr\(", call, text)
    (out / pathlib.Path(name).name).write_text(text, encoding="utf-8")
EOF

for lang in ja zh_CN; do
    ts=photodedup_$lang.ts
    [ ! -f "$dir/$ts" ] || cp "$dir/$ts" "$work/$dir/$ts"
    # -no-obsolete: strings the GUI no longer has would otherwise pile up in the sources.
    (cd "$work" && "$bin/pyside6-lupdate" -no-obsolete -target-language "$lang" \
        photodedup/gui/*.py -ts "$dir/$ts")
    cp "$work/$dir/$ts" "$dir/$ts"
    "$bin/pyside6-lrelease" "$dir/$ts" -qm "$dir/photodedup_$lang.qm"
done
