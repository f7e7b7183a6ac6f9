"""Reading spreadsheet files safely: .xlsx/.xlsm/.xlsb, .xls, .ods and .csv/.txt.

The format is told from the file's content, never from its name. Zip-based workbooks are
checked before python-calamine sees them: declared sizes and compression ratios (zip bombs),
DTD and entity declarations in any XML part (billion laughs, external entities), and the extent
each sheet declares or really uses (a sheet claiming a million columns). Every member is
streamed through once with a bounded buffer, which also verifies its CRC, so a member that lies
about its size is caught without ever being held in memory. Anything wrong is an
``ImportRefused`` with one sentence; nothing is written anywhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zlib import error as zlib_error

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from crmdesk.errors import ImportRefused

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None

FORMATS = ("xlsx", "xlsm", "xlsb", "xls", "ods", "csv")


@dataclass(frozen=True)
class Limits:
    """What a file may claim before it is refused unread."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_unpacked_bytes: int = 200 * 1024 * 1024  # sum of a zip's members, uncompressed
    max_ratio: int = 100  # uncompressed / compressed, for members above ratio_floor_bytes
    ratio_floor_bytes: int = 1024 * 1024
    max_members: int = 10_000
    max_columns: int = 500
    max_cells: int = 20_000_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Sheet:
    """One sheet: ``rows[i]`` is source row ``i + 1``. Cells are None, str (as typed, never
    empty), int, float, bool, datetime.datetime, datetime.date, and for time-only cells
    datetime.time or datetime.timedelta. Trailing empty cells and rows are trimmed; leading
    ones are kept so row numbers match what the user sees in Excel."""

    name: str
    rows: list[list[Cell]]


@dataclass(frozen=True)
class Workbook:
    path: Path
    format: str  # one of FORMATS
    encoding: str | None  # CSV only: the codec the text was decoded with
    delimiter: str | None  # CSV only
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.sheets]


# ---------------------------------------------------------------------------------------------
# Sentences


def _not_a_spreadsheet(name: str) -> ImportRefused:
    return ImportRefused("{name} is not a spreadsheet (Excel, OpenDocument or CSV).", name=name)


def _damaged(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is damaged or incomplete and cannot be read. Open it in Excel, save it again "
        "and try again.",
        name=name,
    )


def _protected(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is protected by a password. Remove the password in Excel "
        "(File → Info → Protect Workbook) and try again.",
        name=name,
    )


def _bomb(name: str, limit_mb: int) -> ImportRefused:
    return ImportRefused(
        "{name} unpacks to far more data than a spreadsheet of its size holds (over "
        "{limit_mb} MB, or compressed suspiciously well); it was not opened.",
        name=name,
        limit_mb=limit_mb,
    )


def _no_rows(name: str) -> ImportRefused:
    return ImportRefused("{name} has no rows to import.", name=name)


# ---------------------------------------------------------------------------------------------
# Reading


def read_workbook(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Every sheet of the spreadsheet or CSV file at ``path``, with its format told from the
    content. Raises ImportRefused (one sentence, nothing changed) for a file that is missing,
    unreadable, empty, not a spreadsheet, damaged, password-protected or unsafe."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ImportRefused("{name} is not a file.", name=name)
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportRefused("There is no file at {path}.", path=str(path)) from None
    except PermissionError:
        raise ImportRefused(
            "{name} cannot be opened: you are not allowed to read it.", name=name
        ) from None
    except OSError as exc:
        raise ImportRefused(
            "{name} cannot be read: {reason}", name=name, reason=exc.strerror or str(exc)
        ) from None
    if size == 0:
        raise ImportRefused("{name} is empty (0 bytes).", name=name)
    if size > limits.max_file_bytes:
        raise ImportRefused(
            "{name} is larger than {limit_mb} MB; split it into smaller files and import them "
            "one by one.",
            name=name,
            limit_mb=limits.max_file_bytes // (1024 * 1024),
        )

    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        fmt = _check_zip(path, name, limits)
        sheets = _read_calamine(path, name, limits)
        return _finish(Workbook(path, fmt, None, None, sheets), name)
    if head.startswith(_OLE_MAGIC):
        _check_ole(path, name)
        sheets = _read_calamine(path, name, limits)
        return _finish(Workbook(path, "xls", None, None, sheets), name)
    if any(head.startswith(magic) for magic in _OTHER_MAGIC):
        raise _not_a_spreadsheet(name)
    with path.open("rb") as fh:
        data = fh.read()
    encoding, text = _decode_text(data, name)
    delimiter = _sniff_delimiter(text)
    sheet = Sheet(path.stem, _read_csv(text, delimiter, name, limits))
    return _finish(Workbook(path, "csv", encoding, delimiter, (sheet,)), name)


def _finish(workbook: Workbook, name: str) -> Workbook:
    if not any(sheet.rows for sheet in workbook.sheets):
        raise _no_rows(name)
    return workbook


def is_blank(value: object) -> bool:
    """None, or text with nothing but whitespace (full-width spaces too)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    """ "" becomes None; trailing blank cells and rows go."""
    out: list[list[Cell]] = []
    for raw in rows:
        row = [None if v == "" else v for v in raw]
        end = len(row)
        while end and is_blank(row[end - 1]):
            end -= 1
        del row[end:]
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def _read_calamine(path: Path, name: str, limits: Limits) -> tuple[Sheet, ...]:
    try:
        book = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise _protected(name) from None
    except (CalamineError, OSError, ValueError) as exc:
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _protected(name) from None
        raise _damaged(name) from None
    sheets: list[Sheet] = []
    try:
        for sheet_name in book.sheet_names:
            sheet = book.get_sheet_by_name(sheet_name)
            _check_extent(name, sheet_name, sheet.total_height, sheet.total_width, limits)
            # skip_empty_area=False keeps leading blank rows so row numbers are Excel's.
            sheets.append(Sheet(sheet_name, _trim(sheet.to_python(skip_empty_area=False))))
    except PasswordError:
        raise _protected(name) from None
    except (CalamineError, ValueError) as exc:
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _protected(name) from None
        raise _damaged(name) from None
    finally:
        book.close()
    return tuple(sheets)


def _check_extent(name: str, sheet: str, rows: int, columns: int, limits: Limits) -> None:
    if columns > limits.max_columns:
        raise ImportRefused(
            "The sheet {sheet} in {name} claims {columns} columns; crmdesk imports at most "
            "{limit} columns. Copy the columns you need to a new workbook and try again.",
            sheet=sheet,
            name=name,
            columns=columns,
            limit=limits.max_columns,
        )
    if rows * columns > limits.max_cells:
        raise ImportRefused(
            "The sheet {sheet} in {name} claims {rows} rows of {columns} columns, more than "
            "the {limit} cells crmdesk imports at once. Split it into smaller files and try "
            "again.",
            sheet=sheet,
            name=name,
            rows=rows,
            columns=columns,
            limit=limits.max_cells,
        )


# ---------------------------------------------------------------------------------------------
# Zip containers (.xlsx, .xlsm, .xlsb, .ods)

_CHUNK = 1024 * 1024
_XML_DANGER = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"')
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\s[^>]*?\br="(\d+)"')
# Only columns of two or three letters are worth collecting: A-Z never exceed a limit.
_WIDE_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{2,3})\d')
_FAST_REFS = re.compile(rb'<(?:row r="(\d+)"|c r="([A-Z]{2,3})\d|(?:c|row) (?!r="))')
_ROOT_ELEMENT = re.compile(rb"<(\w+:)?worksheet\b")
_ODS_TOKEN = re.compile(
    rb"<table:table-row\b([^>]*)>|</table:table-row>|<table:(?:covered-)?table-cell\b([^>]*)>"
    rb"|<table:table\b([^>]*)>"
)
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d+)"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"')
_SHEET_NAME = re.compile(rb'table:name="([^"]*)"')
_ODS_MIMETYPES = (
    b"application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.spreadsheet-template",
)


def _column_number(letters: str | bytes) -> int:
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch) - 64)
    return number


def _check_zip(path: Path, name: str, limits: Limits) -> str:
    """The format of a zip-based workbook, after making sure it is safe to hand to calamine."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        raise _damaged(name) from None
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        limit_mb = limits.max_unpacked_bytes // (1024 * 1024)
        if len(infos) > limits.max_members:
            raise _bomb(name, limit_mb)
        if sum(info.file_size for info in infos) > limits.max_unpacked_bytes:
            raise _bomb(name, limit_mb)
        for info in infos:
            if (
                info.file_size > limits.ratio_floor_bytes
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)
            ):
                raise _bomb(name, limit_mb)
        if any(info.flag_bits & 0x1 for info in infos):
            raise _protected(name)

        fmt = _zip_format(archive, names, name)
        try:
            for info in infos:
                if info.is_dir():
                    continue
                lower = info.filename.lower()
                if fmt == "ods" and lower == "content.xml":
                    _scan_ods_content(archive, info, name, limits)
                elif lower.startswith("xl/worksheets/") and lower.endswith(".xml"):
                    _scan_worksheet(archive, info, name, limits)
                else:
                    _scan_member(archive, info, name, xml=_is_xml(lower))
        except (zipfile.BadZipFile, EOFError, zlib_error, NotImplementedError, RuntimeError):
            raise _damaged(name) from None
    return fmt


def _is_xml(lower: str) -> bool:
    return lower.endswith((".xml", ".rels", ".vml")) or lower == "[content_types].xml"


def _zip_format(archive: zipfile.ZipFile, names: set[str], name: str) -> str:
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        fmt = "xlsb" if "xl/workbook.bin" in names else "xlsx"
        if "[Content_Types].xml" in names:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size <= 1024 * 1024:
                try:
                    types = archive.read(info)
                except (zipfile.BadZipFile, EOFError, OSError, zlib_error):
                    raise _damaged(name) from None
                if b"macroEnabled" in types and fmt == "xlsx":
                    fmt = "xlsm"
        return fmt
    if "content.xml" in names:
        mimetype = b""
        if "mimetype" in names and archive.getinfo("mimetype").file_size <= 200:
            try:
                mimetype = archive.read("mimetype").strip()
            except (zipfile.BadZipFile, EOFError, OSError, zlib_error):
                raise _damaged(name) from None
        if mimetype in _ODS_MIMETYPES:
            return "ods"
    raise _not_a_spreadsheet(name)


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in bounded pieces; zipfile stops at the declared size and checks the
    CRC at the end, so a member that expands beyond what it declares is caught as damaged."""
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            yield chunk


def _check_xml(chunk: bytes, name: str) -> None:
    if _XML_DANGER.search(chunk):
        raise ImportRefused(
            "{name} contains XML declarations (DTD or entities) that no spreadsheet needs and "
            "that can be used to attack a computer; it was not opened.",
            name=name,
        )


def _scan_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, *, xml: bool) -> None:
    tail = b""
    for chunk in _chunks(archive, info):
        if xml:
            _check_xml(tail + chunk, name)
            tail = chunk[-16:]


def _scan_worksheet(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits
) -> None:
    """Refuses a sheet whose declared <dimension> or whose real cell references reach beyond
    the limits, before calamine allocates a grid for it.

    Excel writes ``r`` as the first attribute of every <row> and <c>; one regex pass collects
    row numbers and multi-letter columns for such chunks (a sheet of 3 million cells adds about
    a fifth to calamine's own reading time). Chunks written otherwise, and sheets whose elements
    carry a namespace prefix, take a slower pass that finds ``r`` anywhere in the tag."""
    sheet = info.filename.rsplit("/", 1)[-1].removesuffix(".xml")
    max_row = 0
    max_col = 1
    carry = b""
    first = True
    prefixed = False
    for chunk in _chunks(archive, info):
        data = carry + chunk
        cut = data.rfind(b">") + 1
        data, carry = data[:cut], data[cut:]
        if len(carry) > _CHUNK:  # a tag longer than a megabyte is not a spreadsheet's
            raise _damaged(name)
        _check_xml(data, name)
        if first:
            first = False
            root = _ROOT_ELEMENT.search(data)
            prefixed = bool(root and root.group(1))
            found = _DIMENSION.search(data)
            if found and found.group(3):
                rows = int(found.group(4))
                columns = _column_number(found.group(3))
                _check_extent(name, sheet, rows, columns, limits)
        rows_found: list[bytes] = []
        wide: set[bytes] = set()
        slow = prefixed
        if not slow:
            for row_number, letters in _FAST_REFS.findall(data):
                if row_number:
                    rows_found.append(row_number)
                elif letters:
                    wide.add(letters)
                else:  # a <c or <row whose first attribute is not r
                    slow = True
                    break
        if slow:
            rows_found = _ROW_NUMBER.findall(data)
            wide = set(_WIDE_CELL.findall(data))
        if rows_found:
            max_row = max(max_row, *(int(n) for n in rows_found))
        if wide:
            max_col = max(max_col, *(_column_number(letters) for letters in wide))
        if max_col > limits.max_columns or max_row * max_col > limits.max_cells:
            _check_extent(name, sheet, max_row, max_col, limits)
    _check_xml(carry, name)


def _scan_ods_content(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits
) -> None:
    """Follows rows and cells with their repeat counts: ODS writes a run of equal cells as one
    cell "repeated" n times, so a few bytes can claim billions of cells. Runs of empty cells
    (LibreOffice pads every sheet with them) do not count."""
    sheet = ""
    row_at = 0  # rows seen in the current table
    row_repeat = 1
    col_at = 0
    row_last_value_col = 0
    max_row = 0
    max_col = 0
    carry = b""
    for chunk in _chunks(archive, info):
        data = carry + chunk
        cut = data.rfind(b">") + 1
        data, carry = data[:cut], data[cut:]
        if len(carry) > _CHUNK:
            raise _damaged(name)
        _check_xml(data, name)
        for match in _ODS_TOKEN.finditer(data):
            row_attrs, cell_attrs, table_attrs = match.groups()
            if table_attrs is not None:
                found = _SHEET_NAME.search(table_attrs)
                sheet = found.group(1).decode("utf-8", "replace") if found else ""
                row_at = max_row = max_col = 0
            elif row_attrs is not None:
                found = _ROWS_REPEATED.search(row_attrs)
                row_repeat = int(found.group(1)) if found else 1
                col_at = row_last_value_col = 0
                if row_attrs.rstrip().endswith(b"/"):
                    row_at += row_repeat
            elif cell_attrs is not None:
                found = _COLUMNS_REPEATED.search(cell_attrs)
                col_at += int(found.group(1)) if found else 1
                if b"value-type" in cell_attrs:
                    row_last_value_col = col_at
            else:  # </table:table-row>
                row_at += row_repeat
                if row_last_value_col:
                    max_row = row_at
                    max_col = max(max_col, row_last_value_col)
                    _check_extent(name, sheet, max_row, max_col, limits)
    _check_xml(carry, name)


# ---------------------------------------------------------------------------------------------
# OLE containers (.xls, and encrypted .xlsx which Office wraps in OLE)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Only signatures no CSV can start with: "BM" (bitmap) or "MZ" (program) could be a customer
# name, and those files hold NUL bytes, which the text reader refuses anyway.
_OTHER_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"%PDF",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"{\\rtf",
    b"SQLite format 3",
    b"II*\x00",  # TIFF
    b"MM\x00*",
)


def _utf16_name(text: str) -> bytes:
    return text.encode("utf-16-le")


def _check_ole(path: Path, name: str) -> None:
    """An OLE file is a legacy .xls when it holds a Workbook (or Book) stream; Office also
    wraps a password-protected .xlsx in OLE, with EncryptionInfo and EncryptedPackage streams.
    The directory entries store stream names in UTF-16, so looking for those names is enough
    to tell them apart without a full OLE parser."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        header = fh.read(512)
    if len(header) < 512:
        raise _damaged(name)
    shift = int.from_bytes(header[0x1E:0x20], "little")
    first_directory = int.from_bytes(header[0x30:0x34], "little")
    fat_sectors = [
        int.from_bytes(header[at : at + 4], "little")
        for at in range(0x4C, 0x200, 4)
        if header[at : at + 4] != b"\xff\xff\xff\xff"
    ]
    if shift not in (9, 12):
        raise _damaged(name)
    # Sector n starts at (n + 1) << shift; a sector the header points to past the end of the
    # file means the file was cut short.
    if any((sector + 1) << shift >= size for sector in [first_directory, *fat_sectors]):
        raise _damaged(name)
    encryption = _utf16_name("EncryptionInfo")
    workbook = (_utf16_name("Workbook"), _utf16_name("Book\x00"))
    found_workbook = False
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            data = tail + chunk
            if encryption in data or _utf16_name("EncryptedPackage") in data:
                raise _protected(name)
            if any(w in data for w in workbook):
                found_workbook = True
            tail = data[-64:]
    if not found_workbook:
        raise _not_a_spreadsheet(name)


# ---------------------------------------------------------------------------------------------
# Text (.csv, .txt)

_DELIMITERS = (",", ";", "\t")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(codec, text): a BOM decides; otherwise UTF-16 when every other byte is NUL, strict
    UTF-8, then GB18030 (a superset of the GBK that Chinese Excel saves as "CSV")."""
    candidates: list[str]
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        sample = data[:65536]
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = max(len(sample) // 2, 1)
        if odd_nuls > 0.3 * half and odd_nuls > 4 * even_nuls:
            candidates = ["utf-16-le"]
        elif even_nuls > 0.3 * half and even_nuls > 4 * odd_nuls:
            candidates = ["utf-16-be"]
        elif b"\x00" in sample:
            raise _not_a_spreadsheet(name)
        else:
            candidates = ["utf-8", "gb18030"]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample_text = text[:65536]
        if len(_CONTROL.findall(sample_text)) > max(2, len(sample_text) // 1000):
            raise _not_a_spreadsheet(name)
        return codec, text
    raise ImportRefused(
        "The text in {name} is in an encoding crmdesk does not recognise. Save it from Excel "
        'as "CSV UTF-8" and try again.',
        name=name,
    )


def _sniff_delimiter(text: str) -> str:
    """The delimiter among comma, semicolon and tab that splits the first lines into the most
    consistent number of fields (quotes respected); csv.Sniffer's guess settles a tie."""
    sample = text[:65536]
    if len(text) > len(sample):
        sample = sample[: sample.rfind("\n") + 1] or sample
    best: tuple[float, int, str] | None = None
    for delimiter in _DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=delimiter))[:100]
        except csv.Error:
            continue
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        # Rows of the usual width, then wider rows, rank the candidates.
        score = (count / len(widths), width, delimiter)
        if best is None or score[:2] > best[:2]:
            best = score
    if best is None:
        return ","
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    if sniffed and sniffed != best[2]:
        rows = list(csv.reader(io.StringIO(sample), delimiter=sniffed))[:100]
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        if widths:
            width, count = Counter(widths).most_common(1)[0]
            if (count / len(widths), width) == best[:2]:
                return sniffed
    return best[2]


def _read_csv(text: str, delimiter: str, name: str, limits: Limits) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    cells = widest = 0
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            widest = max(widest, len(record))
            cells += len(record)
            if widest > limits.max_columns or cells > limits.max_cells:
                # cells <= rows * widest, so this refuses.
                _check_extent(name, name, len(rows) + 1, widest, limits)
            rows.append(record)  # type: ignore[arg-type]
    except csv.Error:
        raise _damaged(name) from None
    return _trim(rows)  # type: ignore[arg-type]
