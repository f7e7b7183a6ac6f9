"""Render the app icon (crmdesk/resources/icons/crmdesk.svg) into the files the bundles need:
packaging/crmdesk.ico (Windows) and packaging/crmdesk.icns (macOS), PNG inside both.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QIcon

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "crmdesk" / "resources" / "icons" / "crmdesk.svg"
OUT = ROOT / "packaging"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS icon types holding PNG data, by pixel size.
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"),
              (512, b"ic09"), (1024, b"ic10"))  # fmt: skip


def png(icon: QIcon, size: int) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image = icon.pixmap(size, size).toImage()
    if image.width() != size:
        raise SystemExit(f"the icon rendered at {image.width()} px instead of {size}")
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in images.items():
        edge = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(images: dict[bytes, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(d)) + d for kind, d in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - rendering needs it
    icon = QIcon(str(SVG))
    OUT.mkdir(exist_ok=True)
    (OUT / "crmdesk.ico").write_bytes(ico({s: png(icon, s) for s in ICO_SIZES}))
    (OUT / "crmdesk.icns").write_bytes(icns({kind: png(icon, s) for s, kind in ICNS_TYPES}))
    print(f"wrote {OUT / 'crmdesk.ico'} and {OUT / 'crmdesk.icns'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
