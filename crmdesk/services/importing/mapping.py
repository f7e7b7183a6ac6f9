"""Which column of a sheet goes to which field: guessed from headers and checked against values.

``auto_map`` proposes a mapping for a header row and a few sample rows; the wizard shows it,
the user corrects it, and ``remember_mapping`` keeps the corrected one so the next file with
the same headers (``recall_mapping``) needs no work.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from difflib import SequenceMatcher

from crmdesk.models import Setting
from crmdesk.services.core import Database
from crmdesk.services.importing import cleaning
from crmdesk.services.importing.cleaning import CleanError
from crmdesk.services.importing.fields import (
    FIELD_BY_KEY,
    FIELDS,
    SYNONYM_INDEX,
    FieldType,
    ImportField,
    custom_key_of,
    normalize_header,
)
from crmdesk.services.text import fold


@dataclass(frozen=True)
class ColumnMapping:
    column: int  # 0-based index in the row
    header: str  # as written in the sheet
    field: str | None  # an ImportField key, "custom:<key>", or None (ignored)
    scale: Decimal = Decimal(1)  # the unit in the header: 10000 for "年交易额（万元）"
    confidence: float = 0.0  # 1.0 an exact header; lower a guess; 0 unmapped
    reason: str = ""  # why (English, for the preview and the logs)


# A guess from a header that only resembles a synonym must be at least this similar.
FUZZY_MIN = 0.6
# Share of a column's non-blank sample values that must fit the field's type.
FIT_FUZZY = 0.8
FIT_EXACT = 0.5
# Synonyms so short or general that only the whole header may match them ("客户经理" is not a
# customer name, "内部编码" is not the customer code).
_EXACT_ONLY = {
    normalize_header(s)
    for s in ("客户", "公司", "企业", "单位", "名称", "类型", "状态", "编号", "编码", "说明",
              "来源", "级别", "等级", "分类", "阶段", "需求", "场景", "省", "市", "销售", "id",
              "no", "code", "type", "name", "rep", "tag", "web", "cell", "mail", "note", "plan",
              "role", "area", "state", "level", "origin", "person", "contact", "account")
}  # fmt: skip
_SYNONYMS_BY_FIELD: dict[str, list[str]] = {}
for _syn, (_key, _rank) in SYNONYM_INDEX.items():
    _SYNONYMS_BY_FIELD.setdefault(_key, []).append(_syn)
del _syn, _key, _rank


# ---------------------------------------------------------------- units

_UNIT_SCALES: dict[str, Decimal] = {
    "": Decimal(1),  # only a currency: "(RMB)", "（¥）"
    "元": Decimal(1),
    "万": Decimal(10_000),
    "万元": Decimal(10_000),
    "w": Decimal(10_000),
    "千": Decimal(1_000),
    "千元": Decimal(1_000),
    "百万": Decimal(1_000_000),
    "百万元": Decimal(1_000_000),
    "亿": Decimal(100_000_000),
    "亿元": Decimal(100_000_000),
    "k": Decimal(1_000),
    "000": Decimal(1_000),
    "000s": Decimal(1_000),
    "thousand": Decimal(1_000),
    "thousands": Decimal(1_000),
    "m": Decimal(1_000_000),
    "mm": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "mio": Decimal(1_000_000),
    "million": Decimal(1_000_000),
    "millions": Decimal(1_000_000),
    "bn": Decimal(1_000_000_000),
    "billion": Decimal(1_000_000_000),
    "billions": Decimal(1_000_000_000),
}
_CURRENCY_WORDS = re.compile(r"rmb|cny|usd|eur|hkd|人民币|美元|港币|欧元|[¥$€£]")
_BRACKET_CONTENT = re.compile(r"[(\[【<《{]([^)\]】>》}]*)[)\]】>》}]")
_SUFFIX_UNIT = re.compile(
    r"(?:[/\s_\-]+|单位[:]?)(万元|千元|亿元|百万元|元|万|千|亿|k|m|mn|bn)$|(万元|千元|亿元|百万元)$"
)
_IN_UNITS = re.compile(r"\bin\s+(thousands|millions|billions)$")


def _unit_scale(text: str) -> Decimal | None:
    text = re.sub(r"^单位[:]?", "", text.replace(" ", "").replace("'", ""))
    text = _CURRENCY_WORDS.sub("", text).strip(":,.;/-")
    return _UNIT_SCALES.get(text)


def header_scale(header: object) -> Decimal | None:
    """The factor a unit in a header stands for, or None when the header names no unit:
    年交易额（万元） → 10000, (元) → 1, (千元) → 1000, (亿元) → 1e8, "Revenue (k)" and
    "(K USD)" → 1000, "(m)" → 1e6, "年交易额/万元" → 10000, "Revenue in thousands" → 1000."""
    if header is None:
        return None
    text = fold(str(header))
    for content in _BRACKET_CONTENT.findall(text):
        scale = _unit_scale(content)
        if scale is not None:
            return scale
    bare = _BRACKET_CONTENT.sub("", text).strip()
    m = _SUFFIX_UNIT.search(bare)
    if m:
        return _UNIT_SCALES[m.group(1) or m.group(2)]
    m = _IN_UNITS.search(bare)
    if m:
        return _UNIT_SCALES[m.group(1)]
    return None


# ---------------------------------------------------------------- sample values


def _column_values(samples: Sequence[Sequence[object]], column: int) -> list[object]:
    return [
        row[column] for row in samples if column < len(row) and not cleaning.is_blank(row[column])
    ]


def _looks_numeric(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float | Decimal):
        return True
    return bool(re.fullmatch(r"[\d\s.,+\-()/]+", str(value).strip()))


def _fits(field: ImportField, value: object, exact: bool = False) -> bool:
    """Whether one sample value could be a value of ``field``.

    ``exact``: the header is one of the field's own names. Then any text fits a text field (a
    company may well be called "360" or "58"); the numbers-and-emails doubt is for guesses."""
    kind = field.type
    try:
        if kind is FieldType.PHONE:
            phone = cleaning.clean_phone(value)
            return phone is not None and len(phone.key) >= 7
        if kind is FieldType.EMAIL:
            return cleaning.clean_email(value) is not None
        if kind in (FieldType.DATE, FieldType.DATETIME):
            try:
                return cleaning.clean_datetime(value) is not None
            except CleanError:
                return cleaning.clean_datetime(value, dayfirst=True) is not None
        if kind is FieldType.MONEY:
            return cleaning.clean_money(value) is not None
        if kind is FieldType.BOOL:
            return cleaning.clean_bool(value) is not None
        if kind is FieldType.ENUM:
            assert field.enum is not None
            return cleaning.clean_enum(field.enum, value) is not None
    except CleanError:
        return False
    if isinstance(value, dt.date):
        return False
    if kind is FieldType.LONG_TEXT or exact:
        return True
    text = str(value)
    if "@" in text and _try_email(text):
        return False
    return field.numbers_ok or not _looks_numeric(value)


def _try_email(text: str) -> str | None:
    try:
        return cleaning.clean_email(text)
    except CleanError:
        return None


def _fit_share(field: ImportField, values: list[object], exact: bool = False) -> float | None:
    """Share of the values that fit the field; None when there are no values to judge by."""
    if not values:
        return None
    return sum(_fits(field, v, exact) for v in values) / len(values)


def _strict_phone(value: object) -> bool:
    """A value that is a phone number and hardly anything else (for columns like 联系方式)."""
    try:
        phone = cleaning.clean_phone(value)
    except CleanError:
        return False
    if phone is None:
        return False
    key = phone.key
    return bool(
        re.fullmatch(r"1[3-9]\d{9}", key)
        or re.fullmatch(r"0\d{9,11}", key)
        or re.fullmatch(r"[48]00\d{7}", key)
    )


# ---------------------------------------------------------------- header similarity


def _similarity(header: str, synonym: str) -> float:
    if header == synonym:
        return 1.0
    if synonym in _EXACT_ONLY:
        return 0.0
    score = SequenceMatcher(None, header, synonym).ratio()
    if synonym not in _EXACT_ONLY and len(synonym) >= 2 and synonym in header:
        score = max(score, 0.6 + 0.3 * len(synonym) / len(header))
    if len(header) >= 2 and header not in _EXACT_ONLY and header in synonym:
        score = max(score, 0.6 + 0.3 * len(header) / len(synonym))
    return score


def _best_synonym(header: str, field_key: str) -> tuple[float, int]:
    """(similarity, rank of the synonym) of the field's synonym closest to the header."""
    best, best_rank = 0.0, 99
    for rank, synonym in enumerate(_SYNONYMS_BY_FIELD.get(field_key, ())):
        score = _similarity(header, synonym)
        if score > best:
            best, best_rank = score, rank
    return best, best_rank


@dataclass(frozen=True)
class _Candidate:
    column: int
    field: str
    confidence: float
    fit: float
    rank: int
    reason: str

    @property
    def order(self) -> tuple[float, float, int, int]:
        return (-self.confidence, -self.fit, self.rank, self.column)


def _candidates(column: int, header: str, values: list[object]) -> list[_Candidate]:
    if _is_reserved(header):
        return []
    norm = normalize_header(header)
    found: list[_Candidate] = []
    if norm in SYNONYM_INDEX:
        key, rank = SYNONYM_INDEX[norm]
        field = FIELD_BY_KEY[key]
        share = _fit_share(field, values, exact=True)
        if share is None or share >= FIT_EXACT:
            found.append(
                _Candidate(
                    column,
                    key,
                    1.0 if share is None or share >= FIT_FUZZY else 0.9,
                    1.0 if share is None else share,
                    rank,
                    f"header is “{field.label}”",
                )
            )
            return found
    if not norm:
        return _from_values(column, values)
    for field in FIELDS:
        score, rank = _best_synonym(norm, field.key)
        if score < FUZZY_MIN or score >= 1.0:
            continue
        share = _fit_share(field, values)
        if share is None:
            # Nothing to check the guess against: only a close resemblance, held weakly.
            if score >= 0.8:
                found.append(
                    _Candidate(
                        column,
                        field.key,
                        round(score * 0.6, 3),
                        0.0,
                        rank,
                        f"header resembles “{field.label}” (no values to check)",
                    )
                )
            continue
        if share >= FIT_FUZZY:
            found.append(
                _Candidate(
                    column,
                    field.key,
                    round(min(score, 0.95) * share, 3),
                    share,
                    rank,
                    f"header resembles “{field.label}” and the values fit",
                )
            )
    return found + _from_values(column, values)


def _from_values(column: int, values: list[object]) -> list[_Candidate]:
    """Columns whose header says nothing useful but whose values are unmistakable."""
    if not values:
        return []
    if all(_strict_phone(v) for v in values):
        return [_Candidate(column, "contact_phone", 0.5, 1.0, 99, "values are phone numbers")]
    if all(_try_email(str(v)) for v in values if isinstance(v, str)) and all(
        isinstance(v, str) for v in values
    ):
        return [_Candidate(column, "contact_email", 0.5, 1.0, 99, "values are email addresses")]
    return []


def _is_reserved(header: str) -> bool:
    """crmdesk's own columns in its exports ("_id", "_version") are for the engine, not fields."""
    return header.strip().startswith("_")


def _why_not(header: str, values: list[object]) -> str:
    if _is_reserved(header):
        return "crmdesk's own column"
    norm = normalize_header(header)
    if not norm:
        return "no header"
    if norm in SYNONYM_INDEX:
        field = FIELD_BY_KEY[SYNONYM_INDEX[norm][0]]
        return f"header is “{field.label}” but the values do not fit"
    return "no field matches this header"


def auto_map(headers: Sequence[object], samples: Sequence[Sequence[object]]) -> list[ColumnMapping]:
    """Propose a field for each column, one ColumnMapping per header, in column order.

    ``samples`` are data rows (row-major, as the reader gives them; a few dozen are plenty).
    A header that is a synonym of a field maps to it (unless the values clearly do not fit,
    e.g. a "Revenue" column of words); a header that only resembles a synonym maps when the
    column's values fit the field's type; a column whose header says nothing but whose values
    are all phone numbers or all email addresses maps to the contact's phone or email. Headers
    starting with "_" (an export's hidden "_id" and "_version") are never mapped. Each
    field takes one column: the best-scoring column wins, ties go to the header that is the
    earlier synonym, then to the column further left; the others stay unmapped, with the
    reason. Money columns carry the scale of a unit in their header.
    """
    columns = [("" if h is None else str(h)) for h in headers]
    values = [_column_values(samples, i) for i in range(len(columns))]
    candidates = sorted(
        (c for i, h in enumerate(columns) for c in _candidates(i, h, values[i])),
        key=lambda c: c.order,
    )
    chosen: dict[int, _Candidate] = {}
    taken: dict[str, int] = {}
    lost: dict[int, str] = {}
    for cand in candidates:
        if cand.column in chosen:
            continue
        if cand.field in taken:
            lost.setdefault(cand.column, cand.field)
            continue
        chosen[cand.column] = cand
        taken[cand.field] = cand.column

    result: list[ColumnMapping] = []
    for i, header in enumerate(columns):
        scale = header_scale(header)
        cand = chosen.get(i)
        if cand is not None:
            field = FIELD_BY_KEY[cand.field]
            result.append(
                ColumnMapping(
                    i,
                    header,
                    cand.field,
                    scale if scale is not None and field.type is FieldType.MONEY else Decimal(1),
                    cand.confidence,
                    cand.reason,
                )
            )
            continue
        if i in lost:
            winner = taken[lost[i]]
            reason = (
                f"“{FIELD_BY_KEY[lost[i]].label}” is taken by column {winner + 1} "
                f"({columns[winner]})"
            )
        else:
            reason = _why_not(header, values[i])
        result.append(ColumnMapping(i, header, None, scale or Decimal(1), 0.0, reason))
    return result


# ---------------------------------------------------------------- remembered mappings

_SETTING_PREFIX = "import.mapping."


def mapping_key(headers: Sequence[object]) -> str:
    """A stable hash of the normalised header row: the same sheet layout gives the same key
    whatever the case, width, spacing or bracketed notes of its headers."""
    normalised = [normalize_header(h) for h in headers]
    payload = json.dumps(normalised, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def remember_mapping(
    db: Database, headers: Sequence[object], mapping: Sequence[ColumnMapping]
) -> None:
    """Keep the mapping the user confirmed, for the next file with the same headers
    (office-wide, in the Setting table)."""
    data = [
        {"column": m.column, "field": m.field, "scale": str(m.scale)}
        for m in mapping
        if 0 <= m.column < len(headers)
    ]
    value = json.dumps({"version": 1, "columns": data}, ensure_ascii=False)
    key = _SETTING_PREFIX + mapping_key(headers)
    with db.write() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


def recall_mapping(db: Database, headers: Sequence[object]) -> list[ColumnMapping] | None:
    """The mapping remembered for a file with these headers, or None. Fields that no longer
    exist are dropped (the column is unmapped); custom-field targets are returned as they were
    stored, for the caller to check against the active custom fields."""
    with db.read() as s:
        row = s.get(Setting, _SETTING_PREFIX + mapping_key(headers))
        if row is None:
            return None
        raw = row.value
    try:
        stored = {int(c["column"]): c for c in json.loads(raw)["columns"]}
    except (ValueError, KeyError, TypeError):
        return None
    result: list[ColumnMapping] = []
    for i, header in enumerate(headers):
        entry = stored.get(i, {})
        target = entry.get("field")
        if target is not None and target not in FIELD_BY_KEY and custom_key_of(target) is None:
            target = None
        try:
            scale = Decimal(entry.get("scale", "1"))
        except (ArithmeticError, TypeError, ValueError):
            scale = Decimal(1)
        text = "" if header is None else str(header)
        result.append(
            ColumnMapping(
                i,
                text,
                target,
                scale,
                1.0 if target else 0.0,
                "remembered from an earlier import" if target else "ignored in an earlier import",
            )
        )
    return result


def with_field(mapping: ColumnMapping, field: str | None) -> ColumnMapping:
    """The mapping of this column pointed at another field by the user (the header's unit
    still scales a money field)."""
    target = FIELD_BY_KEY.get(field) if field else None
    scaled = field is None or custom_key_of(field) is not None
    scale = (
        header_scale(mapping.header)
        if scaled or (target is not None and target.type is FieldType.MONEY)
        else None
    )
    return replace(
        mapping,
        field=field,
        scale=scale or Decimal(1),
        confidence=1.0 if field else 0.0,
        reason="chosen by the user",
    )
