"""The main window's central area: the scan panel beside the review, which folds away."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# The scan panel's width beside the review when shown.
PANEL_WIDTH = 310


@dataclass
class CentralArea:
    """The widgets of the central area the window drives."""

    splitter: QSplitter
    stack: QStackedWidget  # the empty label (explanations) or the results
    empty_label: QLabel
    panel_button: QToolButton  # shows or hides the scan panel
    move_button: QPushButton
    trash_button: QPushButton


def build_central(parent: QWidget, scan_panel: QWidget, results: QWidget) -> CentralArea:
    """The scan panel on the left, the results (or an explanation) on the right, and under
    them the button that folds the scan panel away and the Move / Trash buttons."""
    empty_label = QLabel(parent)
    empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty_label.setWordWrap(True)
    empty_label.setMargin(32)
    stack = QStackedWidget(parent)
    stack.addWidget(empty_label)
    stack.addWidget(results)
    trash_button = QPushButton(parent)
    trash_button.setEnabled(False)
    trash_button.setIcon(QIcon.fromTheme("user-trash"))
    trash_button.setMinimumHeight(34)
    trash_button.setToolTip(
        QCoreApplication.translate(
            "MainWindow", "Move the files marked for trash to the system trash (asks first)"
        )
    )
    move_button = QPushButton(QCoreApplication.translate("MainWindow", "Move to folder..."), parent)
    move_button.setMinimumHeight(34)
    move_button.setToolTip(
        QCoreApplication.translate("MainWindow", "Move the marked files to a folder you choose")
    )
    panel_button = QToolButton(parent)
    panel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    panel_button.setMinimumHeight(34)
    panel_button.setAutoRaise(True)
    bottom = QHBoxLayout()
    bottom.addWidget(panel_button)
    bottom.addStretch(1)
    bottom.addWidget(move_button)
    bottom.addWidget(trash_button)
    right = QWidget(parent)
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 6, 8, 6)
    right_layout.addWidget(stack, 1)
    right_layout.addLayout(bottom)
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.addWidget(scan_panel)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(1, False)
    splitter.setSizes([PANEL_WIDTH, 1090])
    return CentralArea(splitter, stack, empty_label, panel_button, move_button, trash_button)


def show_panel_arrow(button: QToolButton, shown: bool) -> None:
    """The button's arrow points where the panel goes when pressed."""
    button.setArrowType(Qt.ArrowType.LeftArrow if shown else Qt.ArrowType.RightArrow)
