"""Excel exports: the customer list as it is shown, and an empty import template. No Qt.

The customer export is what a manager forwards without fixing: a bold frozen header with an
autofilter, fitted column widths, dates as date cells, money as numbers with a format, enum codes
as their labels in the chosen language, and two hidden columns (``_id``, ``_version``) at the end
so an edited export can be imported back as an update that notices rows changed in the app since.

No cell can run as a formula: text starting with ``= + - @``, a tab or a line break is written as
a text cell with Excel's quote prefix (what typing ``'=1+2`` gives), so the visible value is the
original text, unchanged.

It streams: the list's ids are read once (plain ints), then the rows in pages of
:data:`PAGE_SIZE` with one query each for the rows, their primary contacts, tags and custom
fields, written through openpyxl's write-only mode. openpyxl is imported inside the functions so
starting the app does not pay for it. The file is written beside the target under a temporary
name and renamed at the end, so a cancelled or failed export leaves no partial file.
"""

from crmdesk.services.exporting.cells import FORMULA_STARTS, clean_text, display_width
from crmdesk.services.exporting.customers import PAGE_SIZE, export_customers
from crmdesk.services.exporting.files import ExportError, ExportResult
from crmdesk.services.exporting.template import export_template
from crmdesk.services.exporting.words import (
    COLUMN_KEYS,
    CUSTOM_PREFIX,
    EN,
    ID_HEADER,
    SOURCE_HEADER,
    TEMPLATE_KEYS,
    TEXT,
    VERSION_HEADER,
    ZH_CN,
    headers,
    words,
)

__all__ = [
    "COLUMN_KEYS",
    "CUSTOM_PREFIX",
    "EN",
    "FORMULA_STARTS",
    "ID_HEADER",
    "PAGE_SIZE",
    "TEMPLATE_KEYS",
    "TEXT",
    "SOURCE_HEADER",
    "VERSION_HEADER",
    "ZH_CN",
    "ExportError",
    "ExportResult",
    "clean_text",
    "display_width",
    "export_customers",
    "export_template",
    "headers",
    "words",
]
