"""The tabs of the ticket window: History (every event in words, newest first), Steps (each
stay's deadline and working time, late ones in red), Articles (linked knowledge-base articles,
and an article from the solution once resolved) and Satisfaction (the revisit, once closed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.views import ticket_text
from crmdesk.views.article_widgets import LinkedArticles, new_article_from_ticket
from crmdesk.views.ticket_text import BREACHED_RED, event_sentence, fmt_duration, step_title
from crmdesk.views.widgets import fmt_datetime


class TicketTabs(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id: int | None = None
        self.history = QTableWidget(0, 3, self)
        self.steps = QTableWidget(0, 7, self)
        self.articles_page = QWidget(self)
        self.satisfaction_page = QWidget(self)
        self._build_tables()
        self._build_articles()
        self._build_satisfaction()
        self.addTab(self.history, self.tr("History"))
        self.addTab(self.steps, self.tr("Steps"))
        self.addTab(self.articles_page, self.tr("Articles"))
        self.addTab(self.satisfaction_page, self.tr("Satisfaction"))

    def show_detail(self, d: Any) -> None:  # noqa: ANN401 - a TicketDetail
        self.ticket_id = d.id
        self._fill_history(d.events)
        self._fill_steps(d.steps)
        self._fill_satisfaction(d)
        self.linked_articles.set_ticket(d.id)
        self.article_button.setVisible(d.status in ("resolved", "closed") and bool(d.solution))

    def _build_tables(self) -> None:
        for table, headers in (
            (self.history, [self.tr("When"), self.tr("What happened"), self.tr("Note")]),
            (
                self.steps,
                [
                    self.tr("Step"),
                    self.tr("Entered"),
                    self.tr("Left"),
                    self.tr("Deadline"),
                    self.tr("Took"),
                    self.tr("Paused"),
                    self.tr("By"),
                ],
            ),
        ):
            table.setHorizontalHeaderLabels(headers)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.setWordWrap(True)
            table.verticalHeader().hide()
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)

        took = self.steps.horizontalHeaderItem(4)
        took.setToolTip(self.tr("Working time; time spent waiting for the customer not counted"))

    def _build_articles(self) -> None:
        col = QVBoxLayout(self.articles_page)
        self.linked_articles = LinkedArticles(self.ctx, self.articles_page)
        col.addWidget(self.linked_articles, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.article_button = QPushButton(self.tr("Create article from solution…"), self)
        self.article_button.clicked.connect(
            lambda: new_article_from_ticket(self.ctx, self.window(), self.ticket_id)
        )
        self.article_button.hide()
        row.addWidget(self.article_button)
        col.addLayout(row)

    def _build_satisfaction(self) -> None:
        col = QVBoxLayout(self.satisfaction_page)
        self.csat_label = QLabel(self.satisfaction_page)
        font = self.csat_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.csat_label.setFont(font)
        self.csat_label.setStyleSheet("color: #f9a825;")
        self.csat_text = QLabel(self.satisfaction_page)
        self.nps_label = QLabel(self.satisfaction_page)
        self.feedback_label = QLabel(self.satisfaction_page)
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.closed_label = QLabel(self.satisfaction_page)
        self.closed_label.setStyleSheet("color: #757575;")
        for w in (
            self.csat_label,
            self.csat_text,
            self.nps_label,
            self.feedback_label,
            self.closed_label,
        ):
            col.addWidget(w)
        col.addStretch(1)

    def _fill_history(self, events: list[Any]) -> None:
        table = self.history
        table.setRowCount(0)
        # Newest first, like the customer's timeline (the service gives them oldest first).
        for e in reversed(events):
            r = table.rowCount()
            table.insertRow(r)
            when = QTableWidgetItem(fmt_datetime(e.at))
            what = QTableWidgetItem(event_sentence(e))
            note = QTableWidgetItem(e.comment or "")
            if e.kind == "sla_breach":
                for item in (when, what):
                    item.setForeground(QBrush(QColor(BREACHED_RED)))
            if e.kind in ("status", "reopened", "created"):
                f = QFont(what.font())
                f.setBold(True)
                what.setFont(f)
            for c, item in enumerate((when, what, note)):
                table.setItem(r, c, item)
        table.resizeRowsToContents()

    def _fill_steps(self, steps: list[Any]) -> None:
        table = self.steps
        table.setRowCount(0)
        for s in steps:
            r = table.rowCount()
            table.insertRow(r)
            deadline = fmt_datetime(s.due_at)
            if s.breached:
                deadline += "  ⚠ " + self.tr("missed")
            took = fmt_duration(s.business_seconds)
            if s.left_at is None and s.business_seconds is None:
                took = self.tr("(current step)")
            values = (
                step_title(s.status),
                fmt_datetime(s.entered_at),
                fmt_datetime(s.left_at),
                deadline,
                took,
                fmt_duration(s.paused_seconds) if s.paused_seconds else "",
                s.user_name or "",
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if s.breached:
                    item.setForeground(QBrush(QColor(BREACHED_RED)))
                if c == 0:
                    item.setToolTip(
                        self.tr("While the ticket was %1").replace(
                            "%1", label("ticket_status", s.status)
                        )
                    )
                table.setItem(r, c, item)

    def _fill_satisfaction(self, d: Any) -> None:  # noqa: ANN401
        closed = d.status == "closed"
        self.setTabVisible(self.indexOf(self.satisfaction_page), closed)
        if not closed:
            return
        if d.csat:
            self.csat_label.setText(ticket_text.stars(d.csat))
            self.csat_text.setText(
                self.tr("CSAT %1 / 5 · %2")
                .replace("%1", str(d.csat))
                .replace("%2", ticket_text.csat_text(d.csat))
            )
        else:
            self.csat_label.setText("")
            self.csat_text.setText(self.tr("No satisfaction score was recorded."))
        if d.nps is not None:
            group = (
                self.tr("promoter")
                if d.nps >= 9
                else self.tr("passive")
                if d.nps >= 7
                else self.tr("detractor")
            )
            self.nps_label.setText(
                self.tr("Would recommend us: %1 / 10 (%2)")
                .replace("%1", str(d.nps))
                .replace("%2", group)
            )
        else:
            self.nps_label.setText(self.tr("Would recommend us: not asked"))
        self.feedback_label.setText(
            self.tr("The customer said: %1").replace("%1", d.feedback) if d.feedback else ""
        )
        self.closed_label.setText(
            self.tr("Closed %1").replace("%1", fmt_datetime(d.closed_at)) if d.closed_at else ""
        )
