"""The app's SVG icons, sharp at any screen scale and legible on a selected row.

A line icon drawn in its accent colour (blue, green…) all but disappears on a selection
highlight of the same hue, in light and in dark themes alike; the selected state draws it in
the palette's highlighted-text colour instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from crmdesk.paths import resource_path

SIZES = (16, 20, 24, 32, 48)
SCALES = (1, 2)  # standard and high-DPI screens
_COLOUR = re.compile(rb'(stroke|fill)="#[0-9a-fA-F]{3,8}"')


def _render(svg: bytes, size: int, scale: int) -> QPixmap:
    image = QImage(size * scale, size * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, size * scale, size * scale))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(scale)
    return pixmap


def icon(name: str) -> QIcon:
    """crmdesk/resources/icons/<name>.svg, with a selected state in the highlighted-text colour."""
    path = resource_path("icons", f"{name}.svg")
    result = QIcon(str(path))
    colour = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText).name()
    svg = _COLOUR.sub(lambda m: m.group(1) + b'="' + colour.encode() + b'"', path.read_bytes())
    for size in SIZES:
        for scale in SCALES:
            result.addPixmap(_render(svg, size, scale), QIcon.Mode.Selected)
    return result
