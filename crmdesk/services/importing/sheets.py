"""Finding the table in a sheet: its header row, its data rows, what it holds, and which sheet of
a workbook holds the customers.

Office ledgers put a title (often a merged cell such as "2024年客户台账"), a blank row or an
"exported on" line above the header, repeat the header after page breaks and end with total
rows; none of that is data.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from crmdesk.services.importing.readers import Cell, Sheet, Workbook, is_blank

HEADER_SEARCH_ROWS = 30
_MAX_HEADER_TEXT = 40

# Keywords are matched against folded header text (NFKC, case-folded, spaces removed).
_CUSTOMER_WORDS = (
    "客户",
    "公司",
    "单位",
    "企业",
    "名称",
    "联系人",
    "电话",
    "手机",
    "邮箱",
    "行业",
    "地址",
    "customer",
    "company",
    "account",
    "name",
    "phone",
    "mobile",
    "email",
    "e-mail",
    "industry",
    "address",
)
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "followups": (
        "跟进",
        "拜访",
        "回访",
        "沟通",
        "洽谈",
        "follow",
        "visit",
        "activity",
        "interaction",
    ),
    "orders": (
        "订单",
        "合同",
        "产品",
        "数量",
        "单价",
        "回款",
        "发货",
        "order",
        "contract",
        "product",
        "quantity",
        "qty",
        "unitprice",
        "invoice",
    ),
    "contacts": (
        "联系人",
        "姓名",
        "职务",
        "职位",
        "部门",
        "生日",
        "contact",
        "title",
        "position",
        "department",
        "birthday",
        "jobtitle",
    ),
    "customers": (
        "客户名称",
        "公司名称",
        "单位名称",
        "企业名称",
        "客户编号",
        "行业",
        "地址",
        "网址",
        "规模",
        "等级",
        "级别",
        "来源",
        "渠道",
        "年交易额",
        "年销售额",
        "company",
        "customer",
        "account",
        "industry",
        "address",
        "website",
        "tier",
        "source",
        "channel",
        "revenue",
    ),
}
# Sheet names say what a sheet holds more reliably than its headers.
_NAME_WORDS: dict[str, tuple[str, ...]] = {
    "followups": ("跟进", "拜访", "回访", "follow", "visit", "activit"),
    "orders": ("订单", "合同", "order", "contract", "sales"),
    "contacts": ("联系人", "contact"),
    "customers": ("客户", "customer", "account", "client", "台账"),
}
_NOT_DATA_SHEET_WORDS = (
    "说明",
    "填写",
    "须知",
    "模板说明",
    "汇总",
    "统计",
    "图表",
    "instruction",
    "readme",
    "help",
    "summary",
    "chart",
    "notes",
)
_TOTAL_WORDS_CJK = ("合计", "总计", "小计", "总和", "共计")
_TOTAL_WORDS = ("grand total", "subtotal", "sub-total", "total", "sum")
_TOTAL_FIRST_CHARS = frozenset("合总小共tsgTSGｔｓｇＴＳＧ")


def _fold(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    return "".join(text.split())


def _is_header_text(value: Cell) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= _MAX_HEADER_TEXT


def _non_blank(row: Sequence[Cell]) -> list[Cell]:
    return [v for v in row if not is_blank(v)]


def find_header(rows: Sequence[Sequence[Cell]]) -> int:
    """The index (0-based) of the header row: the first row among the first 30 whose cells are
    mostly filled with short texts (no numbers or dates) and which is followed by a data row.
    Title rows, blank rows and "exported on" lines above it are passed over. A sheet with no
    such row gets its first non-blank row (0 if it has none)."""
    window = rows[: HEADER_SEARCH_ROWS + 20]
    width = max((len(r) for r in window), default=0)
    if width == 0:
        return 0
    needed = 1 if width == 1 else max(2, (width + 1) // 2)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        cells = _non_blank(row)
        texts = sum(1 for v in cells if _is_header_text(v))
        if len(cells) < needed or texts < needed or texts < 0.8 * len(cells):
            continue
        # Texts repeated across the row are a merged title or a note, not column names.
        if len({_fold(v) for v in cells}) < len(cells) * 0.8:
            continue
        if any(_non_blank(after) for after in rows[index + 1 : index + 6]):
            return index
    for index, row in enumerate(rows):
        if _non_blank(row):
            return index
    return 0


def _texts(row: Sequence[Cell]) -> tuple[str, ...]:
    cells = [_fold(v) if not is_blank(v) else "" for v in row]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def is_total_label(value: Cell) -> bool:
    """合计 / 总计 / 小计 / Total / Sum / Grand total, alone or followed by punctuation or a
    figure ("合计：", "Total (RMB)"); "合计科技" or "Totally Fresh Ltd" are names, not totals."""
    if not isinstance(value, str) or value.lstrip()[:1] not in _TOTAL_FIRST_CHARS:
        return False
    text = unicodedata.normalize("NFKC", value).strip().casefold()
    for word in _TOTAL_WORDS_CJK:
        if text.startswith(word):
            rest = text[len(word) :]
            return not rest or not rest[0].isalnum()
    for word in _TOTAL_WORDS:
        if text.startswith(word):
            rest = text[len(word) :]
            if not rest or rest[0] in ":(：（":
                return True
            # "Total 128" or "Sum: 3 customers" yes; "Sum Kee Trading" no.
            return rest[0].isspace() and not any(ch.isalpha() for ch in rest)
    return False


def is_total_row(row: Sequence[Cell]) -> bool:
    """A 合计/Total label in one of the row's first two non-blank cells."""
    seen = 0
    for value in row:
        if is_blank(value):
            continue
        if is_total_label(value):
            return True
        seen += 1
        if seen == 2:
            return False
    return False


def data_rows(sheet: Sheet, header_index: int) -> list[tuple[int, list[Cell]]]:
    """The rows below the header as (source row number counting from 1, cells), without blank
    rows, repeated header rows and total rows."""
    rows = sheet.rows
    if header_index >= len(rows):
        return []
    header = _texts(rows[header_index])
    # Only a row whose first header cell repeats needs the full comparison.
    first_at = next((i for i, text in enumerate(header) if text), None)
    out: list[tuple[int, list[Cell]]] = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if not any(not is_blank(v) for v in row):
            continue
        if (
            first_at is not None
            and len(row) > first_at
            and isinstance(row[first_at], str)
            and _fold(row[first_at]) == header[first_at]
            and _texts(row) == header
        ):
            continue
        if is_total_row(row):
            continue
        out.append((index + 1, row))
    return out


def header_texts(sheet: Sheet, header_index: int | None = None) -> list[str]:
    """The header's cells as text ("" for a blank header cell)."""
    if header_index is None:
        header_index = find_header(sheet.rows)
    if header_index >= len(sheet.rows):
        return []
    return ["" if is_blank(v) else _cell_text(v) for v in sheet.rows[header_index]]


def _cell_text(value: Cell) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value).strip()


def _hits(headers: Sequence[str], words: Sequence[str]) -> int:
    folded = [_fold(h) for h in headers if h]
    return sum(1 for h in folded if any(w in h for w in words))


def classify_sheet(sheet: Sheet) -> str | None:
    """ "customers", "contacts", "followups" or "orders" from the sheet's name and header
    keywords, or None for a sheet that looks like none of them (instructions, summaries)."""
    name = _fold(sheet.name)
    if any(w in name for w in _NOT_DATA_SHEET_WORDS):
        return None
    for kind, words in _NAME_WORDS.items():
        if any(w in name for w in words):
            return kind
    headers = header_texts(sheet)
    if len([h for h in headers if h]) < 2 or _hits(headers, _CUSTOMER_WORDS) == 0:
        return None
    scores = {kind: _hits(headers, words) for kind, words in _KIND_WORDS.items()}
    # A customer ledger often has a contact column too; contacts win only with a job title,
    # department or birthday and no customer-only column.
    best = max(scores.values())
    if best == 0:
        return "customers"
    for kind in ("followups", "orders"):
        if scores[kind] == best and scores[kind] >= 1:
            return kind
    if scores["contacts"] >= 2 and scores["contacts"] > scores["customers"]:
        return "contacts"
    return "customers"


def propose_sheet(workbook: Workbook) -> str:
    """The name of the sheet that most likely holds the customers: a sheet classified as
    customers first, then the one with more customer-like headers, then more data rows. An
    instructions page or a three-row summary in front does not win."""
    best: tuple[int, int, int, int] | None = None
    chosen = workbook.sheets[0].name if workbook.sheets else ""
    for position, sheet in enumerate(workbook.sheets):
        header_index = find_header(sheet.rows)
        count = len(data_rows(sheet, header_index))
        if count == 0:
            continue
        kind = classify_sheet(sheet)
        rank = {"customers": 3, None: 0}.get(kind, 1)
        score = (rank, _hits(header_texts(sheet, header_index), _CUSTOMER_WORDS), count, -position)
        if best is None or score > best:
            best, chosen = score, sheet.name
    return chosen
