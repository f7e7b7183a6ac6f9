"""Icons stay legible on a selected row and sharp on high-DPI screens."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from crmdesk.qt.icons import icon


def _opaque_colours(pixmap) -> set[str]:
    image = pixmap.toImage()
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }


def test_a_selected_icon_is_drawn_in_the_highlighted_text_colour(qapp):
    customers = icon("customers")
    normal = _opaque_colours(customers.pixmap(24, 24, QIcon.Mode.Normal))
    selected = _opaque_colours(customers.pixmap(24, 24, QIcon.Mode.Selected))
    highlighted_text = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText).name()
    assert normal == {"#3b6ea8"}
    assert selected == {highlighted_text}


def test_icons_are_rendered_for_high_dpi_screens(qapp):
    pixmaps = [
        icon("tickets").pixmap(QSize(20, 20), 2.0, QIcon.Mode.Selected),
        icon("tickets").pixmap(QSize(20, 20), 2.0),
    ]
    for pixmap in pixmaps:
        assert pixmap.width() == 40 and pixmap.devicePixelRatio() == 2.0
