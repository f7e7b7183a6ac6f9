"""Turning the cells of an office's spreadsheet into clean values.

Every ``clean_*`` function takes one raw cell (None, str, int, float, bool, date, datetime or
Decimal, as the readers give them) and returns a clean value, or None when the cell is blank
(empty, spaces, or a placeholder such as "-", "/", "无", "N/A"), or raises ``CleanError`` whose
``code`` names the problem (``REASONS`` holds the English sentence for each code, which the GUI
translates).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from crmdesk.models import Channel, CustomerKind, Segment, Stage, Tier
from crmdesk.services.importing.fields import FieldType, ImportField, get_field
from crmdesk.services.text import fold, is_valid_email, normalize_phone

REASONS: dict[str, str] = {
    "bad_phone": "Not a phone number.",
    "phone_rounded": "Excel rounded this phone number; format the column as text and save again.",
    "bad_email": "Not an email address.",
    "several_emails": "More than one email address in one cell.",
    "bad_date": "Not a date.",
    "date_without_year": "The date has no year.",
    "year_only": "Only a year, not a date.",
    "date_out_of_range": "The date is out of range.",
    "bad_money": "Not an amount of money.",
    "money_too_large": "The amount is too large.",
    "bad_bool": "Not yes or no.",
    "bad_tier": "Not a known tier (A, B or C).",
    "bad_stage": "Not a known lifecycle stage.",
    "bad_channel": "Not a known channel.",
    "bad_segment": "Not a known segment.",
    "bad_kind": "Neither a company nor a person.",
    "too_long": "The text is too long.",
    "tag_too_long": "A tag is longer than 60 characters.",
}

# Patterns used for every cell of an import, compiled once.
_SERVICE_NUMBER = re.compile(r"[48]00\d{7}")
_NOT_PHONE_CHAR = re.compile(r"[^\d\s+\-().]")
_PHONE_PUNCTUATION = re.compile(r"[\s\-().]")
_ANGLE_ADDRESS = re.compile(r"<([^<>]+)>")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")
_MONEY_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']+")
_KEY_SEPARATORS = re.compile(r"[\s_\-]+")


class CleanError(Exception):
    """A cell that cannot be cleaned. ``code`` is a key of REASONS; str() is its sentence."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.reason = REASONS[code]
        super().__init__(self.reason)


_PLACEHOLDERS = {"", "-", "--", "---", "—", "——", "/", "\\", "n/a", "na", "#n/a", "null",
                 "none", "nil", "无", "暂无", "空", "未知"}  # fmt: skip


def is_blank(raw: object) -> bool:
    """True for an empty cell or one holding only a placeholder for "nothing"."""
    if raw is None:
        return True
    if isinstance(raw, str):
        return fold(raw) in _PLACEHOLDERS
    return False


def _text(raw: object) -> str:
    """A cell as text; whole floats lose their ".0" (Excel turned 00123 into 123.0)."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, Decimal) and raw == raw.to_integral_value():
        return str(raw.quantize(Decimal(1)))
    if isinstance(raw, dt.datetime):
        return raw.isoformat(sep=" ", timespec="seconds")
    return str(raw)


# ---------------------------------------------------------------- text


_SPACES = re.compile(r"[^\S\n]+")


def clean_name(raw: object, max_length: int | None = None) -> str | None:
    """One line of text: trimmed (full-width and no-break spaces too), inner runs of
    whitespace and line breaks collapsed to one space."""
    if is_blank(raw):
        return None
    text = " ".join(_text(raw).replace("\u3000", " ").split())
    if not text:
        return None
    if max_length is not None and len(text) > max_length:
        raise CleanError("too_long")
    return text


def clean_long_text(raw: object, max_length: int | None = None) -> str | None:
    """Text that may span lines: each line trimmed and its spaces collapsed, line breaks kept,
    blank lines at the start and end dropped."""
    if is_blank(raw):
        return None
    text = _text(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    if not text:
        return None
    if max_length is not None and len(text) > max_length:
        raise CleanError("too_long")
    return text


# ---------------------------------------------------------------- phones


@dataclass(frozen=True)
class CleanPhone:
    display: str  # as stored and shown: "13812345678", "010-12345678", "400-123-4567"
    key: str  # services.text.normalize_phone of it: digits, no +86 (Contact.phone_key)
    extras: tuple[str, ...] = ()  # further numbers in the same cell, cleaned where possible


_SCIENTIFIC = re.compile(r"^[+]?(\d+)(?:\.(\d+))?e\+?(\d+)$", re.IGNORECASE)
_WHOLE_FLOAT = re.compile(r"^(\d+)\.0+$")
_PHONE_SEPARATORS = re.compile(r"[/,;、|\n]+")
_EXTENSION = re.compile(r"(?:转|ext\.?|x|分机)\s*(\d{1,6})\s*$", re.IGNORECASE)
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LABEL = re.compile(r"^[^\d+(]{1,12}:\s*")


def _number_digits(raw: object) -> str | None:
    """The digits of a phone number that Excel stored as a number, or None if it is not one."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        if raw.is_integer() and raw >= 0:
            return str(int(raw))
        return None
    if isinstance(raw, Decimal):
        return str(int(raw)) if raw == raw.to_integral_value() and raw >= 0 else None
    text = str(raw).strip()
    m = _WHOLE_FLOAT.match(text)
    if m:
        return m.group(1)
    m = _SCIENTIFIC.match(text)
    if m:
        whole, frac = m.group(1), m.group(2) or ""
        digits = str(int(Decimal(text)))
        # 1.38123E+10 is what Excel shows of 13812345678: the digits after the sixth are gone
        # (and cannot be told from trailing zeros), so the number cannot be trusted.
        if len((whole + frac).lstrip("0")) < len(digits):
            raise CleanError("phone_rounded")
        return digits
    return None


def _format_phone(key: str, international: bool, original: str) -> str:
    if international and not original.startswith(("+86", "0086")):
        return "+" + key
    if _MOBILE.fullmatch(key):
        return key
    if _SERVICE_NUMBER.fullmatch(key):
        return f"{key[:3]}-{key[3:6]}-{key[6:]}"
    if key.startswith("0") and 10 <= len(key) <= 12:
        area = 3 if key[1] in "12" else 4
        return f"{key[:area]}-{key[area:]}"
    return key


def _clean_one_phone(part: str) -> CleanPhone:
    digits = _number_digits(part)
    if digits is not None:
        text = digits
    else:
        text = unicodedata.normalize("NFKC", part).strip()
    ext = ""
    m = _EXTENSION.search(text)
    if m:
        ext = m.group(1)
        text = text[: m.start()].rstrip(" -")
    if _NOT_PHONE_CHAR.search(text):
        raise CleanError("bad_phone")
    compact = _PHONE_PUNCTUATION.sub("", text)
    international = compact.startswith(("+", "00"))
    if compact.startswith("00") and not compact.startswith("0086"):
        compact = "+" + compact[2:]
    key = normalize_phone(compact)
    if key is None or not 5 <= len(key) <= 15:
        raise CleanError("bad_phone")
    display = _format_phone(key, international, compact)
    if ext:
        display += ("转" if "转" in part or "分机" in part else " ext. ") + ext
    return CleanPhone(display, key)


def _split_phones(text: str) -> list[str]:
    parts: list[str] = []
    for chunk in _PHONE_SEPARATORS.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        pieces = chunk.split()
        # "13812345678 13912345678" is two numbers, "138 1234 5678" and "010 12345678" one.
        if len(pieces) > 1 and all(_is_whole_phone(p) for p in pieces):
            parts.extend(pieces)
        else:
            parts.append(chunk)
    return parts


def _is_whole_phone(piece: str) -> bool:
    try:
        return len(_clean_one_phone(piece).key) >= 7
    except CleanError:
        return False


def clean_phone(raw: object) -> CleanPhone | None:
    """A phone cell. Numbers Excel made floats (13812345678.0, 1.3812345678E+10) get their
    digits back; spaces, dashes, brackets and +86/0086 are normalised; landlines keep their area
    code (010-12345678) and 400/800 numbers stay whole. When a cell holds several numbers
    ("138…/139…", "138… 139…", "；") the first is the phone and the others are ``extras``."""
    if is_blank(raw):
        return None
    if isinstance(raw, bool) or isinstance(raw, dt.date):
        raise CleanError("bad_phone")
    digits = _number_digits(raw)
    if digits is not None:
        return _clean_one_phone(digits)
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    text = _LABEL.sub("", text)  # "手机：138…", "Tel: …"
    parts = _split_phones(text)
    if not parts:
        return None
    first = _clean_one_phone(parts[0])
    extras: list[str] = []
    for part in parts[1:]:
        try:
            extras.append(_clean_one_phone(part).display)
        except CleanError:
            extras.append(part)
    return CleanPhone(first.display, first.key, tuple(extras))


# ---------------------------------------------------------------- emails


_EMAIL_SPLIT = re.compile(r"[\s,;/|、]+")


def clean_email(raw: object, max_length: int | None = 254) -> str | None:
    """An email address trimmed and lower-cased; full-width ＠ and ．/。 converted, "mailto:"
    and "Name <…>" stripped."""
    if is_blank(raw):
        return None
    if not isinstance(raw, str):
        raise CleanError("bad_email")
    text = unicodedata.normalize("NFKC", raw).replace("。", ".").strip().lower()
    m = _ANGLE_ADDRESS.search(text)
    if m:
        text = m.group(1).strip()
    if text.startswith("mailto:"):
        text = text[len("mailto:") :].strip()
    parts = [p for p in _EMAIL_SPLIT.split(text) if p]
    if len(parts) > 1:
        if sum("@" in p for p in parts) > 1:
            raise CleanError("several_emails")
        raise CleanError("bad_email")
    text = parts[0].strip(".") if parts else ""
    if not is_valid_email(text) or ".." in text or text.split("@")[1].startswith("."):
        raise CleanError("bad_email")
    if max_length is not None and len(text) > max_length:
        raise CleanError("too_long")
    return text


# ---------------------------------------------------------------- dates


_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_MIN_YEAR, _MAX_YEAR = 1900, 2200

_TIME = re.compile(
    r"(?:[ T]+|(?<=日)|(?<=号))(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?\s*(am|pm)?$",
    re.IGNORECASE,
)
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_YMD_CN2 = re.compile(r"^(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")
_THREE = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{1,4})$")
_MD_ONLY = re.compile(r"^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[-/.](\d{1,2}))$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]  # fmt: skip
    )
    for m in names
}
_D_MON_Y = re.compile(r"^(\d{1,2})[\s\-]+([a-z]+)\.?,?[\s\-]+(\d{2}|\d{4})$")
_MON_D_Y = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")


def _year(text: str) -> int:
    """A written year; two digits are 2000–2068 for 00–68 and 1969–1999 for 69–99 (as POSIX)."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 69 else 1900
    return year


def _make(year: int, month: int, day: int) -> dt.date:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise CleanError("date_out_of_range")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CleanError("bad_date") from None


def _from_serial(value: float) -> dt.datetime:
    """An Excel serial day number (1900 date system), keeping Excel's phantom 29 Feb 1900."""
    if not 1 <= value < 2958466:
        raise CleanError("date_out_of_range")
    if 60 <= value < 61:
        raise CleanError("bad_date")  # 1900-02-29, which never was
    base = _EXCEL_EPOCH if value >= 61 else _EXCEL_EPOCH + dt.timedelta(days=1)
    moment = base + dt.timedelta(days=value)
    # Round to the second: 0.5 of a day in binary floating point is exact, a minute is not.
    return (moment + dt.timedelta(microseconds=500_000)).replace(microsecond=0)


def _number_date(value: float) -> dt.datetime:
    if float(value).is_integer() and _MIN_YEAR <= value <= _MAX_YEAR:
        # 1990 in a birthday column is a year, not Excel's day 1990 (12 June 1905).
        raise CleanError("year_only")
    if float(value).is_integer():
        m = _COMPACT.match(str(int(value)))
        if m:
            return dt.datetime.combine(
                _make(int(m.group(1)), int(m.group(2)), int(m.group(3))), dt.time()
            )
    return _from_serial(float(value))


def _parse_date_text(text: str, dayfirst: bool) -> dt.date:
    m = _YMD.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _YMD_CN2.match(text)
    if m:
        return _make(_year(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _THREE.match(text)
    if m:
        a_text, sep, b_text, c_text = m.groups()
        a, b, c = int(a_text), int(b_text), int(c_text)
        if len(c_text) <= 2 and (len(c_text) == 1 or a > 31 or (sep == "-" and not dayfirst)):
            # 24-3-5 or 24-03-05: a Chinese short date, year first.
            return _make(_year(a_text), b, c)
        if len(c_text) == 3:
            raise CleanError("bad_date")
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif dayfirst:
            day, month = a, b
        else:
            day, month = b, a
        return _make(_year(c_text), month, day)
    m = _COMPACT.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    lowered = text.lower()
    m = _D_MON_Y.match(lowered)
    if m and m.group(2) in _MONTHS:
        return _make(_year(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    m = _MON_D_Y.match(lowered)
    if m and m.group(1) in _MONTHS:
        return _make(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    if _MD_ONLY.match(text):
        raise CleanError("date_without_year")
    raise CleanError("bad_date")


def clean_datetime(raw: object, *, dayfirst: bool = False) -> dt.datetime | None:
    """A moment from a cell: a real date/datetime cell, an Excel serial number (45356 →
    2024-03-05, 45356.5 → noon), 20240305, or text: 2024-03-05, 2024/3/5, 2024.03.05,
    2024年3月5日, 24-3-5, 05-Mar-2024, March 5, 2024, optionally followed by a time
    (14:30 or 14:30:00, am/pm). A whole number from 1900 to 2200 is refused as a bare year
    rather than read as a serial day of 1905. For nn/nn/yyyy a day above 12 decides the order; otherwise
    ``dayfirst`` does (03/05/2024 is 5 March when dayfirst, else 3 May). A two-digit year is
    2000–2068 for 00–68, else 19xx; nn-nn-nn with dashes is year first unless dayfirst.
    A date without a year (3月5日) is refused as ambiguous. The result is naive unless the text
    carried a UTC offset (ISO 8601)."""
    if is_blank(raw):
        return None
    if isinstance(raw, bool):
        raise CleanError("bad_date")
    if isinstance(raw, dt.datetime):
        if not _MIN_YEAR <= raw.year <= _MAX_YEAR:
            raise CleanError("date_out_of_range")
        return raw
    if isinstance(raw, dt.date):
        if not _MIN_YEAR <= raw.year <= _MAX_YEAR:
            raise CleanError("date_out_of_range")
        return dt.datetime.combine(raw, dt.time())
    if isinstance(raw, int | float | Decimal):
        return _number_date(float(raw))
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if _PLAIN_NUMBER.fullmatch(text):
        return _number_date(float(text))
    if "T" in text and _ISO_DATETIME.match(text):
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise CleanError("bad_date") from None
        if not _MIN_YEAR <= moment.year <= _MAX_YEAR:
            raise CleanError("date_out_of_range")
        return moment
    clock = dt.time()
    m = _TIME.search(text)
    if m:
        hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        ampm = (m.group(4) or "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        try:
            clock = dt.time(hour, minute, second)
        except ValueError:
            raise CleanError("bad_date") from None
        text = text[: m.start()].strip()
    return dt.datetime.combine(_parse_date_text(text, dayfirst), clock)


def clean_date(raw: object, *, dayfirst: bool = False) -> dt.date | None:
    """A calendar day from a cell; the formats are those of ``clean_datetime`` (a time of day
    is dropped)."""
    moment = clean_datetime(raw, dayfirst=dayfirst)
    return None if moment is None else moment.date()


# ---------------------------------------------------------------- money


_MULTIPLIERS = (
    ("百万元", Decimal(1_000_000)),
    ("百万", Decimal(1_000_000)),
    ("万元", Decimal(10_000)),
    ("千元", Decimal(1_000)),
    ("亿元", Decimal(100_000_000)),
    ("万", Decimal(10_000)),
    ("千", Decimal(1_000)),
    ("亿", Decimal(100_000_000)),
    ("bn", Decimal(1_000_000_000)),
    ("k", Decimal(1_000)),
    ("m", Decimal(1_000_000)),
    ("w", Decimal(10_000)),
    ("元", Decimal(1)),
)
_CURRENCY = re.compile(r"^(?:rmb|cny|usd|us\$|hk\$|eur|人民币|[¥$€£])|(?:rmb|cny|usd|eur|[¥$€£])$")
_SPACE_GROUPED = re.compile(r"^\d{1,3}(?: \d{3})+(?:\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")
_MONEY_LIMIT = Decimal(10) ** 16  # Numeric(18, 2)


def clean_money(raw: object, *, scale: Decimal = Decimal(1)) -> Decimal | None:
    """An amount: 1,234.50, ¥3,000, ￥3,000, $12,500.00, RMB 3000, 3000元, 12万, 1.2亿, 3.5千,
    12k, (1,000) and -1,000 (negative). Commas must group thousands ("12,5" is refused rather
    than guessed). The result is multiplied by ``scale``, the column's unit (10000 for a
    header "年交易额（万元）")."""
    if is_blank(raw):
        return None
    if isinstance(raw, bool) or isinstance(raw, dt.date):
        raise CleanError("bad_money")
    if isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise CleanError("bad_money")
        value = Decimal(repr(raw))
    elif isinstance(raw, Decimal):
        if not raw.is_finite():
            raise CleanError("bad_money")
        value = raw
    else:
        value = _parse_money_text(str(raw))
    value = value * scale
    if abs(value) >= _MONEY_LIMIT:
        raise CleanError("money_too_large")
    return value


def _parse_money_text(raw: str) -> Decimal:
    text = unicodedata.normalize("NFKC", raw).strip().lower().replace("\u2212", "-")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text.startswith("-"):
        negative, text = not negative, text[1:].strip()
    for _ in range(2):  # "-¥1,000", "¥-1,000", "RMB 3000元"
        text = _CURRENCY.sub("", text).strip()
        if text.startswith("-"):
            negative, text = not negative, text[1:].strip()
    multiplier = Decimal(1)
    for suffix, factor in _MULTIPLIERS:
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
            multiplier = factor
            break
    text = _CURRENCY.sub("", text).strip()
    text = _MONEY_SPACES.sub(" ", text)
    if " " in text:
        # 1 234 567 groups thousands; "12 34" is two numbers or a typo, not 1234.
        if not _SPACE_GROUPED.match(text):
            raise CleanError("bad_money")
        text = text.replace(" ", "")
    if "," in text:
        if not _GROUPED.match(text):
            raise CleanError("bad_money")
        text = text.replace(",", "")
    if not _PLAIN.match(text):
        raise CleanError("bad_money")
    try:
        value = Decimal(text) * multiplier
    except InvalidOperation:
        raise CleanError("bad_money") from None
    return -value if negative else value


# ---------------------------------------------------------------- tags


_TAG_SEPARATORS = re.compile(r"\s*[、,;/|\n]\s*")
TAG_MAX_LENGTH = 60


def split_tags(raw: object) -> list[str]:
    """The tags in one cell, split on 、，,;；/| and line breaks (spaces around them
    ignored; a space inside a tag such as "VIP 客户" kept), trimmed, empties dropped and
    duplicates (ignoring case and width) removed, first spelling and order kept."""
    if is_blank(raw):
        return []
    text = _text(raw).replace("\u3000", " ")
    # Full-width separators to ASCII without folding the tags' own characters.
    text = text.translate(str.maketrans({"，": ",", "；": ";", "／": "/", "｜": "|", "\r": "\n"}))
    tags: list[str] = []
    seen: set[str] = set()
    for part in _TAG_SEPARATORS.split(text):
        tag = " ".join(part.split())
        if not tag or is_blank(tag):
            continue
        key = fold(tag)
        if key in seen:
            continue
        if len(tag) > TAG_MAX_LENGTH:
            raise CleanError("tag_too_long")
        seen.add(key)
        tags.append(tag)
    return tags


# ---------------------------------------------------------------- enumerations

# What offices write for each value. Matching folds case and width and ignores spaces, "_" and
# "-"; the value itself ("at_risk", "A") always matches. A tier written "A类", "A级", "A类客户"
# or "A档" is read as "A" (the suffixes 类/级/档/客户 are dropped before a second look-up).
ENUM_VALUES: dict[str, dict[enum.StrEnum, tuple[str, ...]]] = {
    "tier": {
        Tier.A: ("vip", "svip", "重要", "重要客户", "重点", "重点客户", "大客户", "核心",
                 "核心客户", "一级", "一类", "1", "高", "高价值", "key", "key account",
                 "important", "top", "a+", "a1", "tier a", "level a", "grade a"),
        Tier.B: ("二级", "二类", "2", "中", "中等", "一般", "中型", "medium", "mid", "b+", "tier b", "level b",
                 "grade b"),
        Tier.C: ("三级", "三类", "3", "普通", "低", "小客户", "小", "small", "low", "basic",
                 "c+", "d", "tier c", "level c", "grade c"),
    },
    "stage": {
        Stage.PROSPECT: ("潜在", "潜在客户", "意向", "意向客户", "线索", "潜客", "初步接触",
                         "跟进中", "prospect", "lead", "potential", "opportunity"),
        Stage.NEW: ("新客户", "新", "成交", "已成交", "首单", "签约", "已签约", "新签",
                    "new", "new customer", "won", "customer"),
        Stage.GROWING: ("成长", "成长客户", "成长期", "活跃", "活跃客户", "复购", "老客户",
                        "稳定", "稳定客户", "growing", "active", "repeat", "loyal"),
        Stage.AT_RISK: ("流失预警", "流失预警客户", "预警", "风险", "有风险", "风险客户",
                        "流失风险", "沉睡", "沉睡客户", "at risk", "risk", "dormant",
                        "churn risk"),
        Stage.CHURNED: ("已流失", "流失", "流失客户", "丢失", "已丢失", "churned", "churn",
                        "lost", "former", "inactive"),
    },
    "channel": {
        Channel.WEBSITE: ("官网", "网站", "官方网站", "网站注册", "官网咨询", "在线咨询",
                          "搜索", "搜索引擎", "百度", "seo", "sem", "web", "online",
                          "website", "inbound"),
        Channel.EVENT: ("展会", "活动", "线下", "线下活动", "会议", "峰会", "沙龙", "地推",
                        "研讨会", "event", "events", "trade show", "exhibition", "expo",
                        "conference", "seminar", "offline", "offline event"),
        Channel.WECHAT: ("公众号", "微信", "微信公众号", "小程序", "企业微信", "朋友圈",
                         "wechat", "weixin", "wechat official account"),
        Channel.REFERRAL: ("转介绍", "介绍", "推荐", "老客户介绍", "客户介绍", "朋友介绍",
                           "口碑", "referral", "referred", "word of mouth", "partner"),
        Channel.PLATFORM: ("第三方", "平台", "第三方平台", "阿里巴巴", "阿里", "1688",
                           "淘宝", "天猫", "京东", "抖音", "marketplace", "platform",
                           "alibaba", "third party", "third-party platform"),
        Channel.COLD_CALL: ("电话", "陌拜", "陌生拜访", "电销", "电话营销", "陌生电话", "电话陌拜",
                            "cold call", "cold calling", "telemarketing", "outbound", "phone"),
        Channel.OTHER: ("其他", "其它", "other", "others"),
    },
    "segment": {
        Segment.TRIAL: ("试用", "试用客户", "试用版", "免费", "免费版", "trial", "free"),
        Segment.PAID: ("付费", "付费客户", "正式", "正式客户", "标准版", "专业版", "paid",
                       "standard", "pro", "professional"),
        Segment.ENTERPRISE: ("企业版", "旗舰版", "集团", "ka", "enterprise", "corporate"),
    },
    "kind": {
        CustomerKind.COMPANY: ("企业", "公司", "单位", "机构", "组织", "企业客户", "法人",
                               "company", "business", "organization", "organisation",
                               "corporate", "b2b"),
        CustomerKind.PERSON: ("个人", "自然人", "个体", "个人客户", "个体户", "person",
                              "individual", "private", "consumer", "b2c"),
    },
}  # fmt: skip

_ENUM_ERRORS = {
    "tier": "bad_tier",
    "stage": "bad_stage",
    "channel": "bad_channel",
    "segment": "bad_segment",
    "kind": "bad_kind",
}
_ENUM_SUFFIXES = ("类客户", "级客户", "客户", "类", "级", "档", "等")


def _enum_key(text: str) -> str:
    return _KEY_SEPARATORS.sub("", fold(text))


_ENUM_LOOKUP: dict[str, dict[str, enum.StrEnum]] = {}
for _name, _table in ENUM_VALUES.items():
    _lookup: dict[str, enum.StrEnum] = {}
    for _member, _words in _table.items():
        _lookup[_enum_key(_member.value)] = _member
        for _word in _words:
            _lookup.setdefault(_enum_key(_word), _member)
    _ENUM_LOOKUP[_name] = _lookup
del _name, _table, _lookup, _member, _words, _word


def clean_enum(enum_name: str, raw: object) -> enum.StrEnum | None:
    """One of the values of ``enum_name`` ("tier", "stage", "channel", "segment", "kind") from
    what an office wrote (see ENUM_VALUES), as the model's enum member (Tier.A, Stage.NEW…)."""
    if is_blank(raw):
        return None
    lookup = _ENUM_LOOKUP[enum_name]
    key = _enum_key(_text(raw))
    found = lookup.get(key)
    if found is None:
        for suffix in _ENUM_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                found = lookup.get(key[: -len(suffix)])
                if found is not None:
                    break
    if found is None:
        raise CleanError(_ENUM_ERRORS[enum_name])
    return found


# ---------------------------------------------------------------- yes / no

_TRUE = {"是", "y", "yes", "true", "t", "1", "√", "✓", "✔", "对", "有", "是的"}
_FALSE = {"否", "n", "no", "false", "f", "0", "×", "✗", "✘", "不是", "非", "错"}


def clean_bool(raw: object) -> bool | None:
    """是/否, Y/N, yes/no, √/×, ✓/✗, true/false, 1/0. A lone "x" is refused: some offices
    tick with it, others cross out."""
    if isinstance(raw, bool):
        return raw
    if is_blank(raw):
        return None
    if isinstance(raw, int | float | Decimal) and raw in (0, 1):
        return bool(raw)
    key = fold(_text(raw)).strip()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CleanError("bad_bool")


# ---------------------------------------------------------------- dispatch


def clean_value(
    field_type: FieldType | str,
    raw: object,
    *,
    dayfirst: bool = False,
    scale: Decimal = Decimal(1),
    enum: str | None = None,
    max_length: int | None = None,
) -> object:
    """Clean one cell for a field of ``field_type``: TEXT/USER → str, LONG_TEXT → str,
    PHONE → CleanPhone, EMAIL → str, DATE → date, DATETIME → datetime, MONEY → Decimal
    (times ``scale``), TAGS → list[str] (empty for a blank cell), ENUM → the enum member of
    ``enum`` (required for ENUM), BOOL → bool. A blank cell gives None (TAGS: [])."""
    kind = field_type if type(field_type) is FieldType else FieldType(field_type)
    if kind in (FieldType.TEXT, FieldType.USER):
        return clean_name(raw, max_length)
    if kind is FieldType.LONG_TEXT:
        return clean_long_text(raw, max_length)
    if kind is FieldType.PHONE:
        return clean_phone(raw)
    if kind is FieldType.EMAIL:
        return clean_email(raw, max_length or 254)
    if kind is FieldType.DATE:
        return clean_date(raw, dayfirst=dayfirst)
    if kind is FieldType.DATETIME:
        return clean_datetime(raw, dayfirst=dayfirst)
    if kind is FieldType.MONEY:
        return clean_money(raw, scale=scale)
    if kind is FieldType.TAGS:
        return split_tags(raw)
    if kind is FieldType.BOOL:
        return clean_bool(raw)
    if kind is FieldType.ENUM:
        if enum is None:
            raise ValueError("clean_value needs enum= for an ENUM field")
        return clean_enum(enum, raw)
    raise ValueError(f"unknown field type {field_type!r}")  # pragma: no cover


def clean_field(
    field: ImportField | str, raw: object, *, dayfirst: bool = False, scale: Decimal = Decimal(1)
) -> object:
    """``clean_value`` for one of the import fields (an ImportField or its key), with the
    field's enum and maximum length."""
    f = get_field(field) if isinstance(field, str) else field
    return clean_value(
        f.type, raw, dayfirst=dayfirst, scale=scale, enum=f.enum, max_length=f.max_length
    )
