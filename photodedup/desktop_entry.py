"""Install or remove PhotoDedup's menu launcher and icons for the current user (XDG, no Qt)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

APP_ID = "io.github.photodedup.PhotoDedup"
ICON_SIZES = (48, 64, 128, 256, 512)
SCRIPT_NAME = "photodedup"

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_HELPER_TIMEOUT = 30


def assets() -> Traversable:
    """The package's runtime asset folder (works from a wheel, an editable install or a bundle)."""
    return resources.files("photodedup") / "assets"


def icon_svg() -> Traversable:
    """The scalable app icon, e.g. for the window icon."""
    return assets() / "icons" / f"{APP_ID}.svg"


def data_home() -> Path:
    """$XDG_DATA_HOME, or its default when unset or relative (the spec says to ignore those)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def installed_files() -> list[Path]:
    """Every file install() writes: the launcher and one icon per size plus the SVG."""
    base = data_home()
    hicolor = base / "icons" / "hicolor"
    files = [base / "applications" / f"{APP_ID}.desktop"]
    files += [hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES]
    files.append(hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    return files


def find_launcher() -> str | None:
    """Absolute path of the command that starts the app, or None when it cannot be found."""
    if getattr(sys, "frozen", False):
        return os.path.abspath(sys.executable)
    # The script installed next to this interpreter is this very installation; PATH may hold
    # another one (a system package, another venv).
    beside = Path(sys.executable).parent / SCRIPT_NAME
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside.absolute())
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name == SCRIPT_NAME and argv0.is_file():
        return str(argv0.absolute())
    found = shutil.which(SCRIPT_NAME)
    return os.path.abspath(found) if found else None


def quote_exec_argument(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec requires, escaped as a string value."""
    arg = arg.replace("%", "%%")
    if any(ch in _RESERVED for ch in arg):
        for ch in ("\\", '"', "`", "$"):
            arg = arg.replace(ch, "\\" + ch)
        arg = f'"{arg}"'
    # The whole value is then a desktop-file string, where a backslash is itself escaped.
    return arg.replace("\\", "\\\\")


def render_desktop_file(template: str, launcher: str) -> str:
    """The packaged .desktop template with its Exec program (and TryExec) set to ``launcher``.

    Whatever follows the program in the template's Exec line (field codes such as %F) is kept,
    so the template stays the one place that says how the app is started.
    """
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            _program, _, rest = line.removeprefix("Exec=").partition(" ")
            lines.append(" ".join(filter(None, [f"Exec={quote_exec_argument(launcher)}", rest])))
            # TryExec hides the launcher if the app is removed without --uninstall-desktop-entry.
            lines.append("TryExec=" + launcher.replace("\\", "\\\\"))
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def _run_helper(args: list[str]) -> None:
    if shutil.which(args[0]) is None:
        return
    try:
        completed = subprocess.run(
            args, capture_output=True, text=True, timeout=_HELPER_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"note: {args[0]} did not run: {exc}")
        return
    if completed.returncode == 0:
        print(f"ran {' '.join(args)}")
    else:
        print(f"note: {args[0]} failed: {completed.stderr.strip()}")


def _refresh_caches() -> None:
    base = data_home()
    applications = base / "applications"
    if applications.is_dir():
        _run_helper(["update-desktop-database", "-q", str(applications)])
    hicolor = base / "icons" / "hicolor"
    # Like xdg-icon-resource: refresh a user icon cache that exists, never create one, since
    # a cache nobody else maintains would hide icons other apps install later.
    if (hicolor / "icon-theme.cache").is_file():
        _run_helper(["gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)])


def _unsupported_platform() -> bool:
    if sys.platform in ("win32", "darwin"):
        print("Desktop entries are for Linux and BSD desktops; nothing to do on this system.")
        return True
    return False


def install() -> int:
    """Write the launcher and icons under $XDG_DATA_HOME; return a process exit code."""
    if _unsupported_platform():
        return 1
    launcher = find_launcher()
    if launcher is None:
        print(f"error: cannot find the '{SCRIPT_NAME}' command; is PhotoDedup installed?")
        return 1
    desktop, *pngs, svg = installed_files()
    sources = [
        assets() / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES
    ]
    template = (assets() / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    try:
        for source, dest in [*zip(sources, pngs, strict=True), (icon_svg(), svg)]:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(source.read_bytes())
            print(f"installed {dest}")
        desktop.parent.mkdir(parents=True, exist_ok=True)
        desktop.write_text(render_desktop_file(template, launcher), encoding="utf-8")
        print(f"installed {desktop} (runs {launcher})")
    except OSError as exc:
        print(f"error: {exc}")
        return 1
    _refresh_caches()
    print("PhotoDedup is now in your application menu.")
    return 0


def uninstall() -> int:
    """Remove exactly the files install() writes; return a process exit code."""
    if _unsupported_platform():
        return 1
    removed = 0
    failed = False
    for path in installed_files():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            print(f"error: cannot remove {path}: {exc}")
            failed = True
            continue
        removed += 1
        print(f"removed {path}")
    if removed:
        _refresh_caches()
    else:
        print("No PhotoDedup desktop entry was installed for this user.")
    return 1 if failed else 0
