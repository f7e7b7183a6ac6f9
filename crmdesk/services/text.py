"""Normalising what people type: phones, emails, company names and search text."""

from __future__ import annotations

import re
import unicodedata

_CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x3040, 0x30FF),  # kana
    (0xAC00, 0xD7AF),  # hangul
)

# Patterns used for every cell of an import, compiled once.
_NON_DIGIT = re.compile(r"\D")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_SERVICE_PREFIX = re.compile(r"[48]00")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_NAME_PUNCTUATION = re.compile(r"[\s\-·,.()（）]")


_CJK_CHAR = re.compile("([" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "])")


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def fold(text: str) -> str:
    """Full-width to half-width, lower case, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def space_cjk(text: str) -> str:
    """Put one space around every CJK character.

    The trigram index cannot match queries shorter than three characters; spacing CJK out turns
    a two-character name such as 张伟 into the three characters "张 伟", which it can.
    """
    # Fast paths: a million customers' search text is built in bulk (demo, import).
    if text.isascii():
        return " ".join(text.split())
    # Splitting on each CJK character (kept by the group) and joining with spaces spaces it out.
    return " ".join(" ".join(_CJK_CHAR.split(text)).split())


def search_key(text: str) -> str:
    """The form of text that goes into the search index and into search queries."""
    return space_cjk(fold(text))


def build_search_text(parts: list[str | None]) -> str:
    """Fields are kept apart by a separator no query contains, so a match never spans two
    fields. The text starts and ends with a space so that every CJK character, the first one
    too, stands between two spaces: a one-character query "王" is the trigram " 王 "."""
    return " " + " \u2502 ".join(search_key(p) for p in parts if p and p.strip()) + " "


_PHONE_PREFIXES = ("+86", "0086")


def normalize_phone(raw: str | None) -> str | None:
    """Digits of a phone number, without a +86/0086 country prefix; None if there are none.

    Landlines keep their area code (010-12345678 → 01012345678) and 400 numbers stay whole.
    """
    if raw is None:
        return None
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if not text:
        return None
    text = text.replace(" ", "")
    international = False
    for prefix in _PHONE_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            international = True
            break
    # An extension ("转123" / "ext. 123") is not part of the number that identifies a person.
    text = re.split(r"(?:转|ext\.?|x)", text, maxsplit=1, flags=re.IGNORECASE)[0]
    digits = _NON_DIGIT.sub("", text)
    if digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        digits = digits[2:]
    # Dialled from abroad a landline drops its trunk 0 (+86 10 8765 4321 is 010-87654321);
    # put it back so both spellings give one key. Mobiles (1[3-9] + 9 digits) and 400/800
    # service numbers have no trunk 0.
    if (
        international
        and digits
        and not digits.startswith("0")
        and not _MOBILE.fullmatch(digits)
        and not _SERVICE_PREFIX.match(digits)
    ):
        digits = "0" + digits
    return digits or None


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(raw: str | None) -> str | None:
    if raw is None:
        return None
    text = unicodedata.normalize("NFKC", str(raw)).strip().lower()
    return text or None


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL_RE.match(text))


def is_valid_phone(text: str) -> bool:
    digits = normalize_phone(text)
    return (
        digits is not None
        and 5 <= len(digits) <= 15
        and not _LATIN_LETTER.search(text.split("转")[0].split("ext")[0])
    )


# Legal-form suffixes that do not make a company different; longest first so 股份有限公司 goes
# before 有限公司.
_COMPANY_SUFFIXES = sorted(
    [
        "股份有限公司",
        "有限责任公司",
        "集团有限公司",
        "有限公司",
        "分公司",
        "集团",
        "公司",
        "co., ltd.",
        "co.,ltd.",
        "co. ltd.",
        "co ltd",
        "co., ltd",
        "company limited",
        "limited",
        "ltd.",
        "ltd",
        "inc.",
        "inc",
        "llc",
        "gmbh",
        "corporation",
        "corp.",
        "corp",
        "co.",
        "plc",
    ],
    key=len,
    reverse=True,
)
_SUFFIX_TUPLE = tuple(_COMPANY_SUFFIXES)
_LEADING_PLACE = re.compile(r"^[(（][^)）]{1,12}[)）]")
_TRAILING_PLACE = re.compile(r"[(（][^)）]{1,12}[)）]$")


def company_key(name: str | None) -> str:
    """A company name reduced to what identifies it.

    北京华为技术有限公司 and "华为技术（北京）有限公司" differ, but "(北京)华为技术有限公司",
    "华为技术有限公司" and "华为技术 (北京)" all give 华为技术.
    """
    if not name:
        return ""
    # Spaces between Chinese characters are typing noise (华为 技术 有限 公司 is 华为技术有限公司).
    text = _SPACE_BETWEEN_HAN.sub("", fold(name))
    changed = True
    while changed:
        changed = False
        text = text.strip(" ,.-·")
        m = _LEADING_PLACE.match(text)
        if m:
            text = text[m.end() :]
            changed = True
        m = _TRAILING_PLACE.search(text)
        if m:
            text = text[: m.start()]
            changed = True
        if not text.endswith(_SUFFIX_TUPLE):  # one C call decides the common case
            continue
        for suffix in _COMPANY_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                changed = True
                break
    return _NAME_PUNCTUATION.sub("", text)
