"""The ticket list's Excel export: the screen's words, the list's order, nothing left on cancel."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from crmdesk.services import customers as cs
from crmdesk.services import tickets as ts
from crmdesk.services.dto import CustomerInput
from crmdesk.services.exporting.tickets import TICKET_COLUMNS, export_tickets

HEADERS = {key: f"<{key}>" for key, _kind in TICKET_COLUMNS}
LABELS = {
    "status": {"registered": "投诉登记", "assigned": "问题分配"},
    "priority": {"high": "高", "normal": "普通"},
    "category": {"complaint": "投诉", "question": "咨询"},
    "yes_no": {"yes": "是", "no": ""},
}


@pytest.fixture
def three(database):
    cid, _ = cs.create_customer(database, CustomerInput(name="远景科技"), [])
    ids = []
    for title, priority in (("=1+2", "high"), ("Broken part", "normal"), ("Answer needed", "high")):
        tid, _ = ts.create_ticket(database, ts.TicketInput(cid, title, "complaint", priority))
        ids.append(tid)
    ts.move_ticket(database, ids[1], "assigned", assignee_id=database.user.id)
    return ids


def test_export_writes_the_lists_rows_in_the_screens_words(database, three, tmp_path):
    path = tmp_path / "tickets.xlsx"
    seen: list[tuple[int, int]] = []
    result = export_tickets(
        database,
        path,
        ts.BoardQuery(),
        HEADERS,
        LABELS,
        sort_key="title",
        sheet="工单",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.rows == 3 and result.path == path
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    wb = load_workbook(path)
    ws = wb["工单"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADERS[k] for k, _kind in TICKET_COLUMNS)
    titles = [r[1] for r in rows[1:]]
    assert titles == ["=1+2", "Answer needed", "Broken part"]
    by_title = {r[1]: r for r in rows[1:]}
    assert by_title["Broken part"][3:6] == ("问题分配", "普通", "投诉")
    assert by_title["Answer needed"][3:6] == ("投诉登记", "高", "投诉")
    assert by_title["Broken part"][6] == database.user.display_name
    assert ws.cell(row=2, column=2).data_type == "s"  # text, never a formula
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:K4"


def test_a_filtered_export_holds_only_what_the_board_shows(database, three, tmp_path):
    path = tmp_path / "high.xlsx"
    query = ts.BoardQuery(priorities=frozenset({"high"}))
    result = export_tickets(database, path, query, HEADERS, LABELS, sort_key="title")
    assert result.rows == 2
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert {r[4] for r in rows[1:]} == {"高"}


def test_a_cancelled_export_leaves_no_file(database, three, tmp_path):
    class Stop(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done:
            raise Stop

    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Stop):
        export_tickets(
            database, folder / "cancelled.xlsx", ts.BoardQuery(), HEADERS, LABELS, progress=cancel
        )
    assert list(folder.iterdir()) == []
