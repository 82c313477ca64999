"""The `photodedup` desktop entry point: command line flags, logging, error dialog, main window."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import logging.handlers
import multiprocessing
import os
import sys
import traceback
from contextlib import ExitStack
from importlib import resources
from types import TracebackType
from typing import TYPE_CHECKING

import platformdirs

import photodedup

if TYPE_CHECKING:
    from PySide6.QtCore import QtMsgType
    from PySide6.QtGui import QIcon

    from photodedup.gui.dialogs import ErrorDialog
    from photodedup.gui.gc_policy import GarbagePolicy
    from photodedup.gui.main_window import MainWindow

# Qt is imported inside the functions: a scan's decoder processes are spawned, and each one
# re-imports this module (the console script's entry point), which should not cost them
# PySide6's start-up time and memory.

APP_ID = "io.github.photodedup.PhotoDedup"
LOG_FILE_NAME = "photodedup.log"
CRASH_FILE_NAME = "crash.log"

log = logging.getLogger("photodedup")

#: The longest a background thread running Python keeps the GIL while the GUI thread waits for
#: it (Python's default: 5 ms). A repaint calls into Python hundreds of times (models,
#: delegates) and each call could wait the whole interval while a scan or the autosave ran
#: Python: at 100,000 photos that stalled the window for 0.1-0.2 s at a time (BENCHMARKS.md).
GIL_SWITCH_SECONDS = 0.0005


def give_the_window_the_gil_first() -> None:
    """Let the GUI thread take the GIL back from background threads within half a millisecond."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)


def install_process_policy(window: MainWindow) -> GarbagePolicy:
    """The process-wide policy, in one place and on the GUI thread: the GIL switch interval,
    and garbage collection (replaced results freed too) from a GUI-thread timer
    (gui/gc_policy.py) instead of whichever thread allocates. Returns the policy (owned by the
    window)."""
    from photodedup.gui.gc_policy import GarbagePolicy

    give_the_window_the_gil_first()
    garbage = GarbagePolicy(window, busy=lambda: window.controller.busy)
    garbage.install()
    window.controller.resultChanged.connect(garbage.settle)
    window.controller.resultReplaced.connect(garbage.retire)
    return garbage


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="photodedup",
        description="Find duplicate photos and move the extra copies to the trash.",
    )
    parser.add_argument(
        "--version", action="version", version=f"photodedup {photodedup.__version__}"
    )
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation and exit (0 = working)"
    )
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add PhotoDedup to your application menu (current user)",
    )
    parser.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove PhotoDedup from your application menu",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="FOLDER_OR_REVIEW",
        help="folders to scan at once, or a saved review (.json) to open",
    )
    # Qt's own options (-platform, -style...) pass through to QApplication.
    args, _qt_args = parser.parse_known_args(argv[1:])
    return args


def open_arguments(window: MainWindow, paths: list[str]) -> bool:
    """Scan the folders named on the command line, or else open the first review file named.

    True when something was opened. Arguments that are neither (a Qt option's value, a path
    that is gone) are logged and left alone.
    """
    folders = [os.path.abspath(p) for p in paths if os.path.isdir(p)]
    reviews = [p for p in paths if os.path.isfile(p)]
    for other in set(paths) - set(reviews) - {p for p in paths if os.path.isdir(p)}:
        log.info("Ignored argument (not a folder or a file): %s", other)
    if folders:
        from photodedup.gui.settings import Folder

        window.scan_panel.folders.set_folders([Folder(path) for path in dict.fromkeys(folders)])
        window.start_scan()
        return True
    return bool(reviews) and window.review_files.load_review(reviews[0])


def log_path() -> str:
    return os.path.join(platformdirs.user_log_dir("photodedup"), LOG_FILE_NAME)


def setup_logging() -> str:
    """Log to a rotating file in the user log dir; returns its path ("" if it cannot be written)."""
    path = log_path()
    log.setLevel(logging.INFO)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler, path = logging.StreamHandler(sys.stderr), ""
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    return path


def record_crashes() -> str:
    """Write every thread's Python stack to crash.log next to the log if the process dies of a
    fatal signal (a crash in Qt or a decoder): the one trace a user can send us. Returns its
    path ("" if it cannot be written)."""
    path = os.path.join(os.path.dirname(log_path()), CRASH_FILE_NAME)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.exists(path) and os.path.getsize(path):
            os.replace(path, path + ".1")  # the previous run's, kept once: the file cannot grow
        # Kept open for the life of the process: faulthandler writes to its descriptor.
        crash_file = open(path, "w", encoding="utf-8")  # noqa: SIM115
    except OSError:
        return ""
    faulthandler.enable(crash_file, all_threads=True)
    return path


def _qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("photodedup.qt").log(level, "%s", message)


class ExceptionHandler:
    """sys.excepthook: log the traceback and show it in a dialog people can copy from."""

    def __init__(self, log_file: str) -> None:
        self.log_file = log_file
        self.dialog: ErrorDialog | None = None
        self._showing = False

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        from photodedup.gui.dialogs import ErrorDialog, replacing

        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("Unexpected error\n%s", details)
        if self._showing or QApplication.instance() is None:
            return  # an error inside the dialog itself: the log has it
        self._showing = True
        self.dialog = replacing(
            self.dialog,
            ErrorDialog(
                QCoreApplication.translate(
                    "ExceptionHandler",
                    "PhotoDedup ran into an unexpected error. Your files were not changed by it; "
                    "you can keep working, or restart the app if something looks wrong.",
                ),
                details,
                self.log_file,
                QApplication.activeWindow(),
            ),
        )
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self) -> None:
        self._showing = False


def window_icon(stack: ExitStack) -> QIcon:
    """The app icon from the package assets (an empty icon when the asset is missing)."""
    from PySide6.QtGui import QIcon

    source = resources.files("photodedup") / "assets" / "icons" / f"{APP_ID}.svg"
    try:
        if not source.is_file():
            return QIcon()
        path = stack.enter_context(resources.as_file(source))
    except (OSError, ModuleNotFoundError):
        return QIcon()
    return QIcon(str(path))


def _run_flag(args: argparse.Namespace) -> int | None:
    """Handle the flags that do not open the window; None when the window should open."""
    if args.self_test:
        from photodedup import selftest

        return selftest.run()
    if args.install_desktop_entry:
        from photodedup import desktop_entry

        desktop_entry.install()
        return 0
    if args.uninstall_desktop_entry:
        from photodedup import desktop_entry

        desktop_entry.uninstall()
        return 0
    return None


def main(argv: list[str] | None = None) -> int:
    """Start the desktop app (or run one of the command line flags) and return the exit code."""
    # A frozen bundle re-runs this entry point in every spawned worker: let them do their work.
    multiprocessing.freeze_support()
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv)
    code = _run_flag(args)
    if code is not None:
        return code

    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from photodedup.core.pool import prepare_workers
    from photodedup.gui.i18n import Translations
    from photodedup.gui.main_window import MainWindow
    from photodedup.gui.settings import Settings

    log_file = setup_logging()
    record_crashes()
    sys.excepthook = ExceptionHandler(log_file)
    qInstallMessageHandler(_qt_message)
    QCoreApplication.setOrganizationName("PhotoDedup")
    QCoreApplication.setOrganizationDomain("photodedup.github.io")
    QCoreApplication.setApplicationName("PhotoDedup")
    QCoreApplication.setApplicationVersion(photodedup.__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication(argv)
    with ExitStack() as stack:
        app.setWindowIcon(window_icon(stack))
        settings = Settings()
        translations = Translations(app)
        translations.install(settings.language)
        log.info("PhotoDedup %s started", photodedup.__version__)
        window = MainWindow(settings)
        install_process_policy(window)
        window.show()
        prepare_workers()
        if not open_arguments(window, args.paths):
            window.review_files.offer_resume()
        code = app.exec()
        translations.remove()
        log.info("PhotoDedup exited with %d", code)
    return code


if __name__ == "__main__":
    sys.exit(main())
