#!/usr/bin/env bash
# Build benchmarks/.venv: the peers (czkawka, plain imagehash), the floor's decoder (simplejpeg)
# and the packages whose wheels ship real photos (scikit-image, matplotlib, scikit-learn). Kept
# apart from the app's own venv so none of this ever becomes a runtime dependency. photodedup is
# imported from the source tree.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
venv="$here/.venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q czkawka psutil imagehash pybktree pillow pillow-heif simplejpeg numpy scipy \
    scikit-image matplotlib scikit-learn send2trash platformdirs rawpy "PySide6-Essentials>=6.8,<6.12"
site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$repo" > "$site/photodedup-src.pth"
"$venv/bin/python" -c 'import czkawka, simplejpeg, photodedup.gui.main_window, psutil; print("benchmarks/.venv ready")'
