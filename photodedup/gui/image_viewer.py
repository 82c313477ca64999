"""Large photo view with zoom and pan, and a two-photo mode whose zoom and pan move together."""

from __future__ import annotations

import os

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPixmap, QShortcut, QTransform, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.models import GroupMember
from photodedup.gui.thumbnails import Thumb, ThumbnailLoader, ThumbState

#: Full-size decodes are capped so a giant panorama cannot exhaust memory.
MAX_SIDE = 8192
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 32.0


class ZoomView(QGraphicsView):
    """One photo on a scene; wheel zooms around the cursor, dragging pans."""

    viewChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self._message = self.scene().addText("")
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.horizontalScrollBar().valueChanged.connect(self.viewChanged)
        self.verticalScrollBar().valueChanged.connect(self.viewChanged)

    def show_message(self, text: str) -> None:
        self._message.setPlainText(text)
        self._message.setDefaultTextColor(Qt.GlobalColor.white)

    def set_pixmap(self, pixmap: QPixmap, scene_width: float | None = None) -> None:
        """Show a photo; ``scene_width`` scales it to another photo's width for locked compare."""
        self._message.setPlainText("")
        self._item.setPixmap(pixmap)
        scale = scene_width / pixmap.width() if scene_width and pixmap.width() else 1.0
        self._item.setScale(scale)

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def image_rect(self) -> QRectF:
        return self._item.sceneBoundingRect()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor() * factor))
        self.scale(target / self.scale_factor(), target / self.scale_factor())
        self.viewChanged.emit()

    def actual_size(self) -> None:
        self.setTransform(QTransform())
        self.viewChanged.emit()

    def fit(self) -> None:
        if self.has_image():
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.viewChanged.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps)
        event.accept()


def side_by_side(
    left_label: QWidget, right_label: QWidget, left: QWidget, right: QWidget
) -> QGridLayout:
    """Two views under their labels in equal columns: locked views must show the same
    region, so they need the same size."""
    grid = QGridLayout()
    grid.addWidget(left_label, 0, 0)
    grid.addWidget(right_label, 0, 1)
    grid.addWidget(left, 1, 0)
    grid.addWidget(right, 1, 1)
    grid.setColumnStretch(0, 1)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(1, 1)
    return grid


class ImageViewer(QDialog):
    """Large view of one member; choose another member to compare with, locked together."""

    def __init__(
        self,
        members: list[GroupMember],
        index: int,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._members = members
        self._loader = loader
        self._index = index
        self._other: int | None = None
        self._syncing = False
        self._fitted = False
        self.resize(1100, 750)
        self.setWindowTitle(os.path.basename(members[index].path))

        self.left = ZoomView(self)
        self.right = ZoomView(self)
        self.right.hide()
        self.left_label = QLabel(self._caption(index))
        self.right_label = QLabel()
        self.compare_box = QComboBox()
        self.compare_box.addItem(self.tr("Compare with… (none)"), None)
        for i in range(len(members)):
            if i != index:
                self.compare_box.addItem(self._caption(i), i)
        self.compare_box.setToolTip(
            self.tr("Show another copy next to this one, zoom and pan locked")
        )
        self.compare_box.currentIndexChanged.connect(self._on_compare)
        self.compare_box.setEnabled(len(members) > 1)

        tools = QHBoxLayout()
        for text, tip, slot in (
            (
                self.tr("Zoom in"),
                self.tr("Zoom in (+ or mouse wheel)"),
                lambda: self.zoom(ZOOM_STEP),
            ),
            (
                self.tr("Zoom out"),
                self.tr("Zoom out (- or mouse wheel)"),
                lambda: self.zoom(1 / ZOOM_STEP),
            ),
            (self.tr("Fit"), self.tr("Fit to window (F)"), self.fit),
            (self.tr("100%"), self.tr("Actual pixels (1)"), self.actual_size),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            tools.addWidget(button)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("00000%"))
        tools.addWidget(self.zoom_label)
        tools.addStretch(1)
        tools.addWidget(self.compare_box)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(side_by_side(self.left_label, self.right_label, self.left, self.right), 1)

        for keys, slot in (
            (("+", "="), lambda: self.zoom(ZOOM_STEP)),
            (("-",), lambda: self.zoom(1 / ZOOM_STEP)),
            (("F", "0"), self.fit),
            (("1",), self.actual_size),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)

        self.left.viewChanged.connect(lambda: self._sync(self.left, self.right))
        self.right.viewChanged.connect(lambda: self._sync(self.right, self.left))
        loader.thumbnailReady.connect(self._on_loaded)
        self._load()

    # -- public -----------------------------------------------------------------------------

    def compare_with(self, index: int | None) -> None:
        """Show member ``index`` next to the main one (None: single view)."""
        position = self.compare_box.findData(index)
        self.compare_box.setCurrentIndex(max(0, position))

    def zoom(self, factor: float) -> None:
        self.left.zoom(factor)

    def fit(self) -> None:
        self.left.fit()

    def actual_size(self) -> None:
        self.left.actual_size()

    def scale_factor(self) -> float:
        return self.left.scale_factor()

    # -- internals --------------------------------------------------------------------------

    def _caption(self, index: int) -> str:
        fp = self._members[index].fingerprint
        return f"{os.path.basename(fp.path)} · {fp.width}×{fp.height}"

    def _on_compare(self) -> None:
        self._other = self.compare_box.currentData()
        self.right.setVisible(self._other is not None)
        self.right_label.setVisible(self._other is not None)
        self.right_label.setText(self._caption(self._other) if self._other is not None else "")
        self._load()

    def _request(self, index: int) -> Thumb:
        fp = self._members[index].fingerprint
        return self._loader.request(fp.path, fp.mtime_ns, fp.size, MAX_SIDE)

    def _on_loaded(self, path: str) -> None:
        wanted = {self._members[self._index].path}
        if self._other is not None:
            wanted.add(self._members[self._other].path)
        if path in wanted:
            self._load()

    def _load(self) -> None:
        main = self._request(self._index)
        if main.state is ThumbState.FAILED:
            self.left.show_message(self.tr("Cannot show this file: {e}").format(e=main.error))
            return
        if main.state is ThumbState.LOADING or main.pixmap is None:
            self.left.show_message(self.tr("Loading…"))
            return
        if not self.left.has_image():
            self.left.set_pixmap(main.pixmap)
        rect = self.left.image_rect()
        if self._other is not None:
            other = self._request(self._other)
            if other.state is ThumbState.FAILED:
                self.right.show_message(self.tr("Cannot show this file: {e}").format(e=other.error))
            elif other.state is ThumbState.READY and other.pixmap is not None:
                # Same scene width on both sides, so one transform shows the same part of each.
                self.right.set_pixmap(other.pixmap, scene_width=rect.width())
                rect = rect.united(self.right.image_rect())
            else:
                self.right.show_message(self.tr("Loading…"))
        self.left.setSceneRect(rect)
        self.right.setSceneRect(rect)
        if not self._fitted:
            self._fitted = True
            self.fit()
        self._sync(self.left, self.right)

    def _sync(self, source: ZoomView, target: ZoomView) -> None:
        self.zoom_label.setText(self.tr("{p}%").format(p=round(self.left.scale_factor() * 100)))
        if self._syncing or not target.isVisible():
            return
        self._syncing = True
        try:
            target.setTransform(source.transform())
            target.horizontalScrollBar().setValue(source.horizontalScrollBar().value())
            target.verticalScrollBar().setValue(source.verticalScrollBar().value())
        finally:
            self._syncing = False
