"""The import engine: preview, run, undo, history and the rejected rows' workbook.

The wizard and ``crmdesk import`` both use these functions (the API is agreed in the issue):
``preview_import`` tells what an import would do without writing; ``run_import`` does it in one
transaction; ``undo_import`` takes it back; ``write_rejected`` saves the rows that could not be
imported, with the reason, for the user to fix.
"""

from __future__ import annotations

from pathlib import Path

from crmdesk.services.core import Database
from crmdesk.services.importing.execute import ImportResult, run_import
from crmdesk.services.importing.mapping import recall_mapping
from crmdesk.services.importing.plan import (
    ALL_REASONS,
    DEFAULT_OPTIONS,
    ImportOptions,
    ImportPreview,
    ProgressToken,
    RowPlan,
    load_workbook_for_import,
    make_plan,
)
from crmdesk.services.importing.readers import Workbook
from crmdesk.services.importing.rejected import write_rejected
from crmdesk.services.importing.undo import (
    ImportBatchRow,
    ImportUndoError,
    UndoResult,
    list_imports,
    undo_import,
)


def preview_import(
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    token: ProgressToken | None = None,
    workbook: Workbook | None = None,
) -> ImportPreview:
    """What importing ``path`` would do, row by row, without writing anything: the sheet,
    header row and mapping used, each row's action (create, update, skip, reject, merge) with
    its reason, and the counts. Raises ImportRefused for a file that cannot be read."""
    wb = workbook if workbook is not None else load_workbook_for_import(path)
    with db.read() as s:
        plan = make_plan(
            s.connection(), Path(path), options, token, wb, lambda h: recall_mapping(db, h)
        )
    return plan.preview


__all__ = [
    "ALL_REASONS",
    "ImportBatchRow",
    "ImportOptions",
    "ImportPreview",
    "ImportResult",
    "ImportUndoError",
    "ProgressToken",
    "RowPlan",
    "UndoResult",
    "list_imports",
    "load_workbook_for_import",
    "preview_import",
    "run_import",
    "undo_import",
    "write_rejected",
]
