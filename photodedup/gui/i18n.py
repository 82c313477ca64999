"""Loads the UI translation (photodedup_<lang>.qm) for the chosen language or the system locale."""

from __future__ import annotations

import logging
from contextlib import ExitStack
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from photodedup.gui.settings import Language

log = logging.getLogger(__name__)

#: Names people see in the language menu: each in its own language, so anyone can find theirs.
LANGUAGE_NAMES = {
    Language.ENGLISH: "English",
    Language.JAPANESE: "日本語",
    Language.CHINESE_SIMPLIFIED: "简体中文",
}


def language_actions(
    menu: QMenu, current: Language, system_name: str
) -> tuple[QActionGroup, dict[Language, QAction]]:
    """One checkable action per language in ``menu`` (``current`` checked), exclusive."""
    group = QActionGroup(menu)
    actions: dict[Language, QAction] = {}
    for language, name in {Language.SYSTEM: system_name, **LANGUAGE_NAMES}.items():
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(language == current)
        action.setData(language.value)
        group.addAction(action)
        actions[language] = action
    return group, actions


def locale_for(language: Language) -> QLocale:
    """The QLocale a language setting stands for (SYSTEM: the desktop's locale)."""
    if language == Language.SYSTEM:
        return QLocale.system()
    return QLocale(language.value)


class Translations:
    """Installs PhotoDedup's and Qt's own translators on the application and keeps them alive."""

    def __init__(self, app: QCoreApplication, folder: Path | None = None) -> None:
        self._app = app
        self._folder = folder  # None: the .qm files packaged in photodedup/assets/translations
        self._translators: list[QTranslator] = []
        # The .qm files may sit inside a zip (bundles): as_file() extracts them for QTranslator,
        # and the extracted copy must outlive the translators.
        self._files = ExitStack()
        self.loaded: QLocale | None = None
        self._before = QLocale()  # the default locale before ours was installed

    def install(self, language: Language) -> bool:
        """Install the translation for ``language``; False when the UI stays in English."""
        self.remove()
        locale = locale_for(language)
        if language == Language.ENGLISH or locale.language() == QLocale.Language.English:
            return False
        folder = self._folder or self._files.enter_context(
            resources.as_file(resources.files("photodedup") / "assets" / "translations")
        )
        ours = QTranslator(self._app)
        if not (Path(folder).is_dir() and ours.load(locale, "photodedup", "_", str(folder))):
            log.info("No PhotoDedup translation for %s", locale.name())
            return False
        self._add(ours)
        qt = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(locale, "qtbase", "_", qt_dir):
            self._add(qt)
        self._before = QLocale()
        QLocale.setDefault(locale)
        self.loaded = locale
        log.info("Loaded translation %s", ours.filePath())
        return True

    def remove(self) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators.clear()
        self._files.close()
        if self.loaded is not None:  # numbers and lists are worded as before again
            QLocale.setDefault(self._before)
        self.loaded = None

    def _add(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._translators.append(translator)
