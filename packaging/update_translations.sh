#!/bin/sh
# Refresh the UI translations: collect the GUI's tr()/translate()/QT_TRANSLATE_NOOP strings into
# the .ts sources (keeping existing translations), then compile the .qm files the app loads.
# Usage: packaging/update_translations.sh  (from anywhere; uses the project's .venv if present)
set -eu
cd "$(dirname "$0")/.."
bin=.venv/bin
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
dir=photodedup/assets/translations
mkdir -p "$dir"

for lang in ja zh_CN; do
    ts=$dir/photodedup_$lang.ts
    # -no-obsolete: strings the GUI no longer has would otherwise pile up in the sources.
    "$bin/pyside6-lupdate" -no-obsolete -target-language "$lang" photodedup/gui/*.py -ts "$ts"
    "$bin/pyside6-lrelease" "$ts" -qm "$dir/photodedup_$lang.qm"
done
