"""Hostile and broken files get one sentence (ImportRefused), quickly, without being read into
memory; nothing else happens."""

from __future__ import annotations

import os
import random
import time
import zipfile
from pathlib import Path

import pytest
import xlwt

from crmdesk.errors import CrmError, ImportRefused
from crmdesk.services.importing.readers import Limits, read_workbook

from .conftest import deflated, ole_container, raw_zip, rewrite_zip, write_xlsx

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&lol9;</t></si></sst>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>"""


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def refused(path: Path, **kwargs: object) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_workbook(path, **kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, CrmError)
    message = str(caught.value)
    assert "{" not in message and "\n" not in message
    return message


@pytest.fixture
def small_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "small.xlsx", {"客户": [["客户名称", "电话"], ["华为", "1"]]})


# ---------------------------------------------------------------------------------------------
# Not spreadsheets


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("logo.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        ("scan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
        ("noise.csv", random.Random(1).randbytes(4096)),
        ("latin.csv", bytes(range(0x80, 0x100)) * 8),
    ],
)
def test_not_a_spreadsheet(tmp_path: Path, filename: str, content: bytes) -> None:
    path = tmp_path / filename
    path.write_bytes(content)
    message = refused(path)
    assert filename in message
    assert "is not a spreadsheet" in message or "encoding" in message


def test_a_word_document_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert refused(path) == "letter.xlsx is not a spreadsheet (Excel, OpenDocument or CSV)."


def test_an_ole_file_without_a_workbook_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(ole_container(["WordDocument"]))
    assert "is not a spreadsheet" in refused(path)


# ---------------------------------------------------------------------------------------------
# Broken


def test_truncated_xlsx(tmp_path: Path, small_xlsx: Path) -> None:
    data = small_xlsx.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged or incomplete" in refused(path)


def test_truncated_xls(tmp_path: Path) -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    for row in range(200):
        sheet.write(row, 0, f"客户{row}")
    full = tmp_path / "full.xls"
    book.save(str(full))
    data = full.read_bytes()
    path = tmp_path / "cut.xls"
    path.write_bytes(data[: len(data) // 2])
    message = refused(path)
    assert "cut.xls" in message
    assert "damaged or incomplete" in message


def test_a_member_that_expands_beyond_its_declared_size_is_damaged(tmp_path: Path) -> None:
    # Declares 1 KB but inflates to 50 MB: reading stops at the declared size and the CRC
    # does not match, so nothing near 50 MB is ever held.
    big = b"<worksheet>" + b" " * (50 * 1024 * 1024) + b"</worksheet>"
    pieces, crc, _ = deflated(big)
    path = raw_zip(
        tmp_path / "liar.xlsx",
        [
            ("xl/workbook.xml", *deflated(b"<workbook/>")),
            ("xl/worksheets/sheet1.xml", pieces, crc, 1024),
        ],
    )
    assert "damaged or incomplete" in refused(path)


# ---------------------------------------------------------------------------------------------
# Password-protected


def test_password_protected_workbook(tmp_path: Path) -> None:
    # Office stores an encrypted .xlsx as an OLE container with these two streams.
    path = tmp_path / "secret.xlsx"
    path.write_bytes(ole_container(["EncryptionInfo", "EncryptedPackage"]))
    assert refused(path) == (
        "secret.xlsx is protected by a password. Remove the password in Excel "
        "(File → Info → Protect Workbook) and try again."
    )


# ---------------------------------------------------------------------------------------------
# Unsafe


def test_zip_bomb_is_refused_before_it_is_inflated(zip_bomb: Path) -> None:
    assert zip_bomb.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(zip_bomb) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 1024**3
    started = time.perf_counter()
    message = refused(zip_bomb)
    print(f"zip bomb refused in {time.perf_counter() - started:.3f} s")
    assert "unpacks to far more data" in message


def test_a_well_compressed_member_under_the_total_limit_is_refused_by_its_ratio(
    zip_bomb: Path,
) -> None:
    # The same file passes the total-size rule with a huge limit; the ratio rule still holds.
    limits = Limits(max_unpacked_bytes=10 * 1024**3)
    assert "unpacks to far more data" in refused(zip_bomb, limits=limits)


def test_a_sheet_claiming_a_million_columns(tmp_path: Path, small_xlsx: Path) -> None:
    def claim(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            assert b'<dimension ref="A1:B2"' in data
            return data.replace(b'ref="A1:B2"', b'ref="A1:XFD1048576"')
        return data

    path = rewrite_zip(small_xlsx, claim)
    message = refused(path)
    assert message.startswith("The sheet sheet1 in small.xlsx claims 16384 columns")


def test_a_sheet_claiming_too_many_cells(small_xlsx: Path) -> None:
    def claim(name: str, data: bytes) -> bytes:
        return data.replace(b'ref="A1:B2"', b'ref="A1:Z1048576"')

    message = refused(rewrite_zip(small_xlsx, claim))
    assert "1048576 rows of 26 columns" in message


def test_a_far_away_cell_is_found_even_when_the_dimension_is_modest(small_xlsx: Path) -> None:
    def far_cell(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
                b"</row></sheetData>",
            )
        return data

    assert "16384 columns" in refused(rewrite_zip(small_xlsx, far_cell))


def test_cells_written_with_r_not_first_are_still_counted(small_xlsx: Path) -> None:
    def far_cell(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(
                b"</sheetData>",
                b'<row spans="1:2" r="3"><c t="inlineStr" r="ZZZ3"><is><t>x</t></is></c>'
                b"</row></sheetData>",
            )
        return data

    assert "18278 columns" in refused(rewrite_zip(small_xlsx, far_cell))


def test_an_ods_repeating_one_cell_a_billion_times(tmp_path: Path) -> None:
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        b'<office:body><office:spreadsheet><table:table table:name="S">'
        b'<table:table-row table:number-rows-repeated="100000">'
        b'<table:table-cell office:value-type="string" table:number-columns-repeated="400">'
        b"<text:p>x</text:p></table:table-cell></table:table-row>"
        b"</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "repeat.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    assert "100000 rows of 400 columns" in refused(path)


@pytest.mark.parametrize(
    ("member", "xml"),
    [("xl/sharedStrings.xml", BILLION_LAUGHS), ("xl/workbook.xml", EXTERNAL_ENTITY)],
)
def test_xml_entity_tricks(small_xlsx: Path, member: str, xml: bytes) -> None:
    def poison(name: str, data: bytes) -> bytes:
        return xml if name == member else data

    path = rewrite_zip(small_xlsx, poison)
    if member not in zipfile.ZipFile(path).namelist():
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr(member, xml)
    assert "DTD or entities" in refused(path)


# ---------------------------------------------------------------------------------------------
# Empty, missing, unreadable


def test_empty_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "empty.xlsx", {"Sheet1": [], "Sheet2": [[None, ""]]})
    assert refused(path) == "empty.xlsx has no rows to import."


@pytest.mark.parametrize("content", [b"\r\n\r\n", b",,,\n,,\n \t \n", b"\xef\xbb\xbf"])
def test_empty_csv(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    assert refused(path) == "empty.csv has no rows to import."


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "nothing.xlsx"
    path.write_bytes(b"")
    assert refused(path) == "nothing.xlsx is empty (0 bytes)."


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "There is no file at" in refused(tmp_path / "gone.xlsx")
    assert refused(tmp_path) == f"{tmp_path.name} is not a file."


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(small_xlsx: Path) -> None:
    small_xlsx.chmod(0)
    try:
        assert "not allowed to read it" in refused(small_xlsx)
    finally:
        small_xlsx.chmod(0o644)


def test_file_larger_than_the_limit(small_xlsx: Path) -> None:
    assert "is larger than 0 MB" in refused(small_xlsx, limits=Limits(max_file_bytes=100))


def test_refusals_keep_their_template_for_translation(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportRefused) as caught:
        read_workbook(path)
    assert caught.value.template == "{name} is empty (0 bytes)."
    assert caught.value.params == {"name": "x.csv"}


def test_libreoffice_padding_of_empty_cells_is_not_a_bomb(tmp_path: Path) -> None:
    # LibreOffice ends every sheet with runs of empty cells repeated to the sheet's edge.
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        b'<office:body><office:spreadsheet><table:table table:name="S"><table:table-row>'
        b'<table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell>'
        b'<table:table-cell table:number-columns-repeated="1023"/></table:table-row>'
        b'<table:table-row table:number-rows-repeated="1048575">'
        b'<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        b"</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "padded.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    assert read_workbook(path).sheets[0].rows == [["name"]]
