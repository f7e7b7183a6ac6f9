"""Writing the manager's Excel report from the dashboard, with progress and Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.qt import errors
from crmdesk.qt.context import AppContext
from crmdesk.qt.tasks import Cancelled, CancelToken, run_with_progress
from crmdesk.services.dashboard import Figures
from crmdesk.services.dashboard_scope import Scope
from crmdesk.views.dashboard_text import language


def export_report(
    page: QWidget, ctx: AppContext, scope: Scope, path: str, figures: Figures | None
) -> CancelToken:
    """Write the report to ``path`` in the background. The figures on screen are reused when
    they are complete for ``scope``, so the workbook holds the numbers the manager saw."""
    from crmdesk.services.exporting.report import write_report

    lang = language()
    db = ctx.db
    ready = figures if figures is not None and figures.scope == scope else None
    complete = ready is not None and len(ready.kpis) >= 12

    def work(token: CancelToken) -> Any:  # noqa: ANN401 - a ReportResult
        return write_report(
            db, scope, Path(path), lang=lang, token=token, figures=ready if complete else None
        )

    def done(result: Any) -> None:  # noqa: ANN401
        text = QCoreApplication.translate("DashboardReport", "Saved the report to %1").replace(
            "%1", str(result.path)
        )
        ctx.bus.status_message_requested.emit(text)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("DashboardReport", "Excel report"),
            text,
            QMessageBox.StandardButton.Ok,
            page,
        )
        open_file = box.addButton(
            QCoreApplication.translate("DashboardReport", "Open"), QMessageBox.ButtonRole.ActionRole
        )
        url = QUrl.fromLocalFile(str(result.path))
        open_file.clicked.connect(lambda: QDesktopServices.openUrl(url))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page._report_box = box  # type: ignore[attr-defined] # kept alive while open
        box.open()

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            ctx.bus.status_message_requested.emit(
                QCoreApplication.translate(
                    "DashboardReport", "Report cancelled; no file was written."
                )
            )
        else:
            errors.show_error(page, exc)

    return run_with_progress(
        ctx.tasks,
        page.window(),
        QCoreApplication.translate("DashboardReport", "Writing the Excel report…"),
        work,
        done,
        failed,
    )
