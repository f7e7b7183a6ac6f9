"""Factories that write the test spreadsheets into tmp_path; no binary file is committed."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

import openpyxl
import pytest

Rows = list[list[object]]

LEDGER_TITLE = "2024年客户台账"
LEDGER_HEADER = ["客户名称", "联系人", "手机", "首次合作", "年交易额（万元）", "备注"]
LEDGER_ROWS: Rows = [
    [LEDGER_TITLE],
    [],
    ["导出日期：2024-03-05"],
    LEDGER_HEADER,
    ["华为技术有限公司", "张伟", 13812345678.0, dt.date(2024, 3, 5), 12.5, "重点客户"],
    ["（北京）小米科技", "李娜", "010-12345678", dt.datetime(2023, 11, 1, 9, 30), 3, None],
    [],
    LEDGER_HEADER,
    ["合计科技有限公司", "王芳", 13900000000.0, None, 1, "名字以合计开头"],
    ["合计", None, None, None, 16.5, None],
]


def write_xlsx(path: Path, sheets: dict[str, Rows], *, merge: dict[str, str] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if merge and title in merge:
            sheet.merge_cells(merge[title])
    workbook.save(path)
    return path


def rewrite_zip(path: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """Rewrites each member through ``change(name, data)``; None drops the member."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            new = change(name, data)
            if new is not None:
                target.writestr(name, new)
    return path


def raw_zip(path: Path, members: Iterable[tuple[str, Iterable[bytes], int, int]]) -> Path:
    """A zip written by hand from already deflated data: (name, raw deflate pieces, crc,
    uncompressed size). The sizes can be anything, which is what a hostile file does."""
    central = b""
    count = 0
    with path.open("wb") as fh:
        for name, pieces, crc, size in members:
            offset = fh.tell()
            encoded = name.encode()
            fh.write(
                struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, 0, 0, len(encoded), 0)
            )
            fh.write(encoded)
            start = fh.tell()
            for piece in pieces:
                fh.write(piece)
            compressed = fh.tell() - start
            end = fh.tell()
            fh.seek(offset + 14)
            fh.write(struct.pack("<III", crc, compressed, size))
            fh.seek(end)
            central += struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50, 20, 20, 0, 8, 0, 0, crc, compressed, size,
                len(encoded), 0, 0, 0, 0, 0, offset,
            ) + encoded  # fmt: skip
            count += 1
        where = fh.tell()
        fh.write(central)
        fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), where, 0))
    return path


def deflated(data: bytes) -> tuple[list[bytes], int, int]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return [packer.compress(data) + packer.flush()], zlib.crc32(data), len(data)


@pytest.fixture
def ledger_xlsx(tmp_path: Path) -> Path:
    """A customer ledger as offices keep it: merged title, blank row, export date line, the
    header, data with a phone stored as a float and date cells, a repeated header, a company
    whose name starts with 合计 and a total row."""
    return write_xlsx(tmp_path / "ledger.xlsx", {"客户": LEDGER_ROWS}, merge={"客户": "A1:F1"})


@pytest.fixture
def zip_bomb(tmp_path: Path) -> Path:
    """An .xlsx whose sheet1.xml inflates to 1 GiB of zeros from about a megabyte: the same
    fully flushed deflate block (1 MiB of zeros) written 1024 times, so building it takes
    neither time nor memory."""
    mib = bytes(1024 * 1024)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(mib) + packer.flush(zlib.Z_FULL_FLUSH)
    ending = packer.flush()
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(mib, crc)
    small = write_xlsx(tmp_path / "small.xlsx", {"Sheet1": [["name"], ["x"]]})
    members = []
    with zipfile.ZipFile(small) as source:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                members.append((info.filename, *deflated(source.read(info))))
    members.append(("xl/worksheets/sheet1.xml", [block] * 1024 + [ending], crc, 1024**3))
    return raw_zip(tmp_path / "bomb.xlsx", members)


def ole_container(stream_names: list[str]) -> bytes:
    """A minimal OLE compound file (the container of .xls and of password-protected .xlsx):
    a header, one FAT sector and one directory sector naming the streams."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)  # minor, major, byte order
    struct.pack_into("<H", header, 0x20, 6)  # mini sector shift
    struct.pack_into("<I", header, 0x2C, 1)  # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)  # directory starts at sector 1
    struct.pack_into("<I", header, 0x38, 4096)
    struct.pack_into("<I", header, 0x3C, 0xFFFFFFFE)  # no mini FAT
    struct.pack_into("<I", header, 0x44, 0xFFFFFFFE)  # no DIFAT sectors
    struct.pack_into("<I", header, 0x4C, 0)  # FAT is sector 0
    header[0x50:sector] = b"\xff" * (sector - 0x50)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)
    directory = bytearray(sector)
    for index, name in enumerate(["Root Entry", *stream_names][:4]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), 5 if index == 0 else 2, 1)
        struct.pack_into("<III", entry, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        struct.pack_into("<II", entry, 116, 0xFFFFFFFE, 0)
        directory[index * 128 : (index + 1) * 128] = entry
    return bytes(header + fat + directory)
