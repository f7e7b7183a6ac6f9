"""The ``crmdesk`` command: starts the app, or looks after a database from a terminal.

    crmdesk [--db URL] [--lang zh_CN|en] [--demo]     start the app
    crmdesk --self-test                               check this installation, offscreen
    crmdesk demo [--customers N] [--seed S] [--force] fill a database with demo data
    crmdesk migrate | backup [--to FILE] | restore BACKUP [--yes] | check
    crmdesk export customers|template OUT.xlsx       write an Excel export or import template
    crmdesk report OUT.xlsx --from DATE --to DATE     the manager report (or --period month…)
    crmdesk import FILE [--dry-run] | --undo ID        import a spreadsheet, or take one back
    crmdesk imports                                   list the imports
    crmdesk sla-check                                 mark late tickets and notify (scheduled task)
    crmdesk daily-rules                               revisit/care tasks, public pool (scheduled task)

The messages here are English only: the terminal is an administrator's tool, the app is what
people use and what is translated. Qt is imported only to start the app, never for the
subcommands, so they work on a server without a display.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import locale
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import crmdesk

LANGS = ("zh_CN", "en")
DEMO_REALISTIC_MAX = 2000

log = logging.getLogger("crmdesk.cli")


class CliError(Exception):
    """A sentence for the terminal; the command exits with status 1."""


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (package metadata costs start-up time)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        print(f"crmdesk {crmdesk.__version__}")
        parser.exit()


# ---------------------------------------------------------------------------------------------
# Arguments


def _common_options() -> argparse.ArgumentParser:
    # SUPPRESS keeps a subcommand's parser from overwriting an option given before its name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="a SQLite file or a database URL such as postgresql+psycopg://user@host/crm "
        "(default: $CRMDESK_DATABASE_URL, else the database in your data folder)",
    )
    common.add_argument(
        "--lang",
        choices=LANGS,
        default=argparse.SUPPRESS,
        help="language of the app and of demo data (default: the system's)",
    )
    common.add_argument("--version", action=_VersionAction, help="show the version")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="crmdesk",
        description="A desktop CRM for small offices. Without a command, starts the app.",
        parents=[common],
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo database (made on first use) instead of your own",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary folder (migrate, import, export, chart, "
        "main window, offscreen) and exit 0, or 1 naming the step that failed",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser(
        "demo",
        parents=[common],
        help="fill a database with demo customers",
        description="Fill a database with demo data: up to 2,000 customers get a full two-year "
        "history (timeline, deals, orders, tickets); more get contacts and tags only, for "
        "scale tests. Without --db the demo database of the language is used.",
    )
    demo.add_argument("--customers", type=_positive, default=500, metavar="N")
    demo.add_argument("--seed", type=int, default=7, metavar="S")
    demo.add_argument(
        "--force", action="store_true", help="add to a database that already has customers"
    )

    sub.add_parser(
        "migrate",
        parents=[common],
        help="bring a database to this version's schema (backs it up first)",
    )
    backup = sub.add_parser("backup", parents=[common], help="write a verified backup")
    backup.add_argument("--to", metavar="FILE", type=Path, help="where to write it")
    restore = sub.add_parser("restore", parents=[common], help="replace the database with a backup")
    restore.add_argument("backup", metavar="BACKUP", type=Path)
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    sub.add_parser(
        "check", parents=[common], help="check the database's integrity and schema version"
    )
    export = sub.add_parser(
        "export",
        parents=[common],
        help="export the customers, or an empty import template, to Excel",
        description="Write every customer to an .xlsx file (columns headed in --lang), or an "
        "empty import template with a comment on each column.",
    )
    export.add_argument("what", choices=("customers", "template"))
    export.add_argument("out", metavar="OUT.xlsx", type=Path)
    report = sub.add_parser(
        "report",
        parents=[common],
        help="write the manager report (the dashboard's figures and charts) to Excel",
        description="Write the dashboard's figures for a period to an .xlsx file: a summary "
        "of every indicator against the previous period, and a sheet with a chart for the "
        "funnel, customer growth, revenue, the team ranking, tickets and the customer mix. "
        "Give the period as --from and --to (both days included) or as --period.",
    )
    report.add_argument("out", metavar="OUT.xlsx", type=Path)
    report.add_argument(
        "--from", dest="first", metavar="DATE", type=_iso_date, help="first day (YYYY-MM-DD)"
    )
    report.add_argument(
        "--to", dest="last", metavar="DATE", type=_iso_date, help="last day, included"
    )
    report.add_argument(
        "--period",
        choices=("month", "quarter", "year", "last12"),
        help="this month, quarter or year, or the last 12 months, in the office's time zone",
    )
    report.add_argument("--team", metavar="NAME", help="only this team's records")
    report.add_argument("--owner", metavar="USERNAME", help="only this user's records")
    imp = sub.add_parser(
        "import",
        parents=[common],
        help="import customers from an Excel, OpenDocument or CSV file",
        description="Import customers (and the contacts, follow-ups and orders sheets of the "
        "same workbook) in one transaction. Prints the counts and the reasons rows were "
        "rejected; exits 0 when the import ran, 2 when the file was refused.",
    )
    imp.add_argument("file", metavar="FILE", type=Path, nargs="?")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet to import (default: proposed)")
    imp.add_argument(
        "--on-duplicate",
        choices=("skip", "fill", "overwrite", "create"),
        default="fill",
        help="what to do with a row matching an existing customer (default: fill empty fields)",
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    imp.add_argument(
        "--report", metavar="REJECTED.xlsx", type=Path, help="write the rejected rows here"
    )
    imp.add_argument("--undo", metavar="ID", type=int, help="take the import with this id back")
    sub.add_parser("imports", parents=[common], help="list the imports, newest first")
    sub.add_parser(
        "sla-check",
        parents=[common],
        help="mark tickets whose step is past its deadline and notify their managers",
        description="Run the service desk's SLA check once, as the app does at start and on "
        "a timer: mark late steps breached, notify the team managers and announce urgent and "
        "high tickets to the service directors. Safe to run as often as you like (a scheduled "
        "task every few minutes); nothing is notified twice.",
    )
    sub.add_parser(
        "daily-rules",
        parents=[common],
        help="make revisit and care tasks and release neglected customers to the public pool",
        description="Run the follow-up rules once, as the app does at start and daily: revisit "
        "tasks for customers past their tier's cadence, birthday and contract-anniversary care "
        "tasks, and release to the public pool of customers without a logged follow-up for "
        "their tier's pool period. Safe to run as often as you like (a daily scheduled task); "
        "nothing is made twice.",
    )
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("give at least 1")
    return value


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-03-31") from None


def system_lang() -> str:
    """zh_CN when the system speaks Chinese, else en."""
    candidates = [os.environ.get(v, "") for v in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    try:
        candidates.append(locale.getlocale()[0] or "")
    except ValueError:
        pass
    for value in candidates:
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            low = value.lower()
            return "zh_CN" if low.startswith(("zh", "chinese")) else "en"
    return "en"


# ---------------------------------------------------------------------------------------------
# Commands


def _say(text: str = "") -> None:
    print(text, flush=True)


def _progress_printer(label: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent != last[0]:
            last[0] = percent
            end = "\n" if done >= total else ""
            print(f"\r{label}… {percent}%", end=end, file=sys.stderr, flush=True)

    return show


def _refuse_unknown_revision(url_text: str | None) -> None:
    """Refuse a SQLite database of a newer crmdesk before opening it, so not a byte changes
    (opening through the engine switches a database to WAL)."""
    from crmdesk import db as dbmod
    from crmdesk.errors import DatabaseTooNewError

    path = dbmod.sqlite_path(dbmod.resolve_url(url_text))
    if path is None or not path.exists():
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            has = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            row = con.execute("SELECT version_num FROM alembic_version").fetchone() if has else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CliError(f"{path} is not a crmdesk database ({exc}).") from exc
    if row is None:
        return
    if row[0] not in dbmod.known_revisions():
        raise DatabaseTooNewError(
            f"This database was written by a newer version of crmdesk (schema {row[0]}). "
            "Install the newer version to open it; the file was not changed."
        )


def _shown(url) -> str:  # noqa: ANN001 - a sqlalchemy URL
    from crmdesk import db as dbmod

    path = dbmod.sqlite_path(url)
    return str(path) if path is not None else url.render_as_string(hide_password=True)


def _open(url_text: str | None, *, signed_in: bool = False):  # noqa: ANN202 - a Database
    """Open (and migrate) the database; ``signed_in`` for commands whose changes are recorded
    with who made them (as the app does: the office's first administrator)."""
    from crmdesk.services import Database

    _refuse_unknown_revision(url_text)
    db = Database.open(url_text)
    if signed_in:
        db.sign_in()
    return db


def cmd_demo(args: argparse.Namespace) -> int:
    from crmdesk import paths
    from crmdesk.services import customers as cs
    from crmdesk.services.demo import generate_bulk, generate_demo
    from crmdesk.services.dto import CustomerQuery

    lang = args.lang or system_lang()
    url = args.db or str(paths.demo_database_path(lang))
    db = _open(url)
    try:
        existing = (
            cs.count_customers(db, CustomerQuery()).count
            + cs.count_customers(db, CustomerQuery(trash=True)).count
        )
        if existing and not args.force:
            raise CliError(
                f"{_shown(db.engine.url)} already has {existing:,} customers; demo data was not "
                "added. Use --force to add it anyway, or --db to choose another database."
            )
        _say(f"Writing {args.customers:,} demo customers ({lang}) into {_shown(db.engine.url)}")
        started = time.perf_counter()
        show = _progress_printer("Generating")
        if args.customers <= DEMO_REALISTIC_MAX:
            s = generate_demo(db, lang, args.customers, seed=args.seed, progress=show)
            made = (
                f"{s.customers:,} customers, {s.contacts:,} contacts, "
                f"{s.interactions:,} interactions, {s.tasks:,} tasks, {s.deals:,} deals, "
                f"{s.orders:,} orders, {s.payments:,} payments, {s.tickets:,} tickets "
                f"and {s.users} users"
            )
        else:
            n = generate_bulk(db, args.customers, lang, seed=args.seed, progress=show)
            made = f"{n:,} customers with contacts and tags"
        _say(f"Made {made} in {time.perf_counter() - started:.1f} s.")
    finally:
        db.close()
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from crmdesk import db as dbmod

    _refuse_unknown_revision(args.db)
    engine = dbmod.create_db_engine(args.db)
    try:
        shown = _shown(engine.url)
        result = dbmod.migrate_to_head(engine)
    finally:
        dbmod.dispose_quietly(engine)
    if not result.changed:
        _say(f"{shown} is already current (schema {result.to_revision}).")
        return 0
    _say(f"Migrated {shown} from {result.from_revision or 'empty'} to {result.to_revision}.")
    if result.backup is not None:
        _say(f"The database as it was is backed up at {result.backup}")
    return 0


def _sqlite_file(url_text: str | None, what: str) -> Path:
    from crmdesk import db as dbmod

    path = dbmod.sqlite_path(dbmod.resolve_url(url_text))
    if path is None:
        raise CliError(
            f"{what} works on SQLite databases; use pg_dump and pg_restore for PostgreSQL."
        )
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from crmdesk import db as dbmod

    path = _sqlite_file(args.db, "Backing up from crmdesk")
    target = dbmod.backup_database(path, args.to.expanduser().resolve() if args.to else None)
    _say(f"Backed up {path} to {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from crmdesk import db as dbmod

    path = _sqlite_file(args.db, "Restoring from crmdesk")
    backup = args.backup.expanduser().resolve()
    if not backup.exists():
        raise CliError(f"There is no backup at {backup}; nothing was changed.")
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise CliError(
                f"Not restoring: there is no terminal to confirm replacing {path}. "
                "Add --yes to restore without asking."
            )
        answer = input(
            f"Replace {path} with {backup}? The current database is kept as a backup. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            _say("Nothing was changed.")
            return 1
    kept = dbmod.restore_database(backup, path)
    _say(f"Restored {path} from {backup}.")
    if kept is not None:
        _say(f"The database it replaced was kept at {kept}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from crmdesk import db as dbmod

    path = dbmod.sqlite_path(dbmod.resolve_url(args.db))
    if path is not None and not path.exists():
        raise CliError(f"There is no database at {path}.")
    _refuse_unknown_revision(args.db)
    engine = dbmod.create_db_engine(args.db)
    try:
        shown = _shown(engine.url)
        verdict = dbmod.integrity_check(engine)
        current = dbmod.check_not_newer(engine)
    finally:
        dbmod.dispose_quietly(engine)
    head = dbmod.head_revision()
    _say(f"Database: {shown}")
    _say(f"Integrity: {verdict}")
    if current == head:
        _say(f"Schema: {current} (current)")
    elif current is None:
        _say("Schema: none; this is not a crmdesk database yet (crmdesk migrate makes it one).")
    else:
        _say(f"Schema: {current}; this version uses {head} (crmdesk migrate upgrades it).")
    if verdict != "ok" or current is None:
        _say("Problems found.")
        return 1
    _say("ok")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from crmdesk import db as dbmod
    from crmdesk.services import exporting

    lang = args.lang or system_lang()
    out = args.out.expanduser()
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    if args.what == "template":
        db = _open(args.db) if args.db else None  # with --db, its custom fields too
        try:
            result = exporting.export_template(out, lang, db)
        finally:
            if db is not None:
                db.close()
        _say(f"Wrote an import template with {result.rows} columns to {result.path}")
        return 0
    path = dbmod.sqlite_path(dbmod.resolve_url(args.db))
    if path is not None and not path.exists():
        raise CliError(f"There is no database at {path}.")
    db = _open(args.db)
    try:
        show = _progress_printer("Exporting")
        result = exporting.export_customers(
            db, out, lang=lang, progress=(lambda d, t: show(d, max(t, 1))) if show else None
        )
    finally:
        db.close()
    _say(f"Exported {result.rows:,} customers to {result.path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from crmdesk import db as dbmod
    from crmdesk.services.dashboard import dashboard_people
    from crmdesk.services.dashboard_scope import Scope, period_dates
    from crmdesk.services.exporting.report import write_report

    def refuse(sentence: str) -> int:
        print(sentence, file=sys.stderr)
        return 2

    if args.period and (args.first or args.last):
        return refuse("Give either --period or --from and --to, not both.")
    if not args.period and not (args.first and args.last):
        return refuse(
            "Say which period to report: --from DATE --to DATE (both days included), "
            "or --period month|quarter|year|last12."
        )
    if args.first and args.last and args.first > args.last:
        return refuse(f"--from {args.first} is after --to {args.last}.")
    if args.team and args.owner:
        return refuse("Give either --team or --owner, not both.")
    out = args.out.expanduser()
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    path = dbmod.sqlite_path(dbmod.resolve_url(args.db))
    if path is not None and not path.exists():
        raise CliError(f"There is no database at {path}.")
    db = _open(args.db)
    try:
        office = dashboard_people(db)
        teams = {name: tid for tid, name in office.teams}
        users = dict(office.usernames)
        team_id = owner_id = None
        if args.team:
            team_id = teams.get(args.team)
            if team_id is None:
                known = ", ".join(sorted(teams)) or "none"
                return refuse(f"There is no team named '{args.team}' (teams: {known}).")
        if args.owner:
            owner_id = users.get(args.owner)
            if owner_id is None:
                known = ", ".join(sorted(users)) or "none"
                return refuse(f"There is no user '{args.owner}' (usernames: {known}).")
        scope = Scope(dt.date.min, dt.date.min, team_id, owner_id, office.timezone, office.currency)
        if args.period:
            today = db.now().astimezone(scope.zone).date()
            start, end = period_dates(args.period, today)
        else:
            start, end = period_dates("custom", args.first, (args.first, args.last))
        scope = dataclasses.replace(scope, start=start, end=end)
        result = write_report(db, scope, out, lang=args.lang or system_lang())
    finally:
        db.close()
    who = f"team {args.team}" if args.team else args.owner if args.owner else "everyone"
    last = end - dt.timedelta(days=1)
    _say(
        f"Wrote the report for {start} to {last} ({who}) to {result.path}: "
        f"{len(result.sheets)} sheets, {result.charts} charts."
    )
    return 0


REJECTED_SHOWN = 20


def cmd_import(args: argparse.Namespace) -> int:
    from crmdesk.errors import ImportRefused
    from crmdesk.services.importing import engine
    from crmdesk.services.importing.sheets import find_header, header_texts

    if args.undo is not None:
        if args.file is not None:
            raise CliError("Give either a file to import or --undo ID, not both.")
        db = _open(args.db, signed_in=True)
        try:
            undone = engine.undo_import(db, args.undo)
        finally:
            db.close()
        _say(
            f"Import {undone.batch_id} undone: {undone.removed:,} records removed, "
            f"{undone.restored:,} customers restored."
        )
        for cid, name, why in undone.left_alone:
            _say(f"  left alone: {name or '#' + str(cid)} (id {cid}), {why}")
        return 0
    if args.file is None:
        raise CliError("Name the file to import (or --undo ID).")
    options = engine.ImportOptions(sheet=args.sheet, on_duplicate=args.on_duplicate)
    try:
        workbook = engine.load_workbook_for_import(args.file)
    except ImportRefused as exc:
        print(str(exc), file=sys.stderr)
        return 2
    db = _open(args.db, signed_in=True)
    try:
        try:
            if args.dry_run:
                preview = engine.preview_import(db, args.file, options, workbook=workbook)
                counts, related, rows = preview.counts, preview.related, preview.rows
                sheet, headers = preview.sheet, preview.headers
                rejected = tuple(r for r in rows if r.action == "reject")
            else:
                result = engine.run_import(db, args.file, options, workbook=workbook)
                counts, related, rejected = result.counts, result.related, result.rejected
                sheet = engine.list_imports(db)[0].sheet or ""
                headers = ()
        except ImportRefused as exc:
            print(str(exc), file=sys.stderr)
            return 2
    finally:
        db.close()
    what = "Would import" if args.dry_run else "Imported"
    _say(
        f"{what} {args.file.name} (sheet {sheet}): {counts['create']:,} created, "
        f"{counts['update']:,} updated, {counts['skip']:,} skipped, {counts['merge']:,} merged "
        f"into earlier rows, {counts['reject']:,} rejected."
    )
    if related:
        _say("Linked: " + ", ".join(f"{n:,} {kind}" for kind, n in sorted(related.items())) + ".")
    for row in rejected[:REJECTED_SHOWN]:
        _say(f"  {row.sheet} row {row.source_row}: {row.reason or row.reason_code}")
    if len(rejected) > REJECTED_SHOWN:
        _say(f"  … and {len(rejected) - REJECTED_SHOWN:,} more rejected rows.")
    if args.report is not None and rejected:
        by_sheet = {s.name: header_texts(s, find_header(s.rows)) for s in workbook.sheets if s.rows}
        main_headers = list(headers) or by_sheet.get(sheet, [])
        report = args.report.expanduser()
        if report.suffix.lower() != ".xlsx":
            report = report.with_name(report.name + ".xlsx")
        ordered = sorted(rejected, key=lambda r: r.sheet != sheet)
        path = engine.write_rejected(ordered, main_headers, report, sheet_headers=by_sheet)
        _say(f"Wrote the {len(rejected):,} rejected rows with their reasons to {path}")
    if args.dry_run:
        _say("Dry run: nothing was written.")
    return 0


def cmd_imports(args: argparse.Namespace) -> int:
    from crmdesk.services.importing import engine

    db = _open(args.db)
    try:
        batches = engine.list_imports(db)
    finally:
        db.close()
    if not batches:
        _say("No imports yet.")
        return 0
    _say(f"{'ID':>5}  {'When':16}  {'Status':6}  {'Created':>7}  {'Updated':>7}  "
         f"{'Rejected':>8}  File")  # fmt: skip
    for b in batches:
        when = b.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        _say(
            f"{b.id:>5}  {when:16}  {b.status:6}  {b.created:>7,}  {b.updated:>7,}  "
            f"{b.rejected:>8,}  {b.file_name} ({b.sheet or ''}, by {b.user_name or '?'})"
        )
    return 0


def cmd_sla_check(args: argparse.Namespace) -> int:
    from crmdesk import db as dbmod
    from crmdesk.services.sla import run_sla_check

    path = dbmod.sqlite_path(dbmod.resolve_url(args.db))
    if path is not None and not path.exists():
        raise CliError(f"There is no database at {path}; nothing was checked.")
    db = _open(args.db)
    try:
        shown = _shown(db.engine.url)
        result = run_sla_check(db)
    finally:
        db.close()
    _say(
        f"Checked {result.checked:,} open tickets in {shown}: {result.breached:,} newly past "
        f"their deadline, {result.notified:,} notifications sent."
    )
    return 0


def cmd_daily_rules(args: argparse.Namespace) -> int:
    from crmdesk import db as dbmod
    from crmdesk.services.rules import run_daily_rules

    path = dbmod.sqlite_path(dbmod.resolve_url(args.db))
    if path is not None and not path.exists():
        raise CliError(f"There is no database at {path}; no rules were run.")
    db = _open(args.db)
    try:
        shown = _shown(db.engine.url)
        result = run_daily_rules(db, lang=args.lang or system_lang())
    finally:
        db.close()
    _say(
        f"Ran the follow-up rules in {shown}: {result.cadence_tasks:,} revisit tasks, "
        f"{result.birthday_tasks:,} birthday and {result.anniversary_tasks:,} anniversary "
        f"tasks, {result.released_to_pool:,} customers released to the public pool, "
        f"{result.notified:,} notifications sent."
    )
    return 0


def _has_customers(url: str) -> bool:
    """Whether the database at ``url`` is at this build's schema and holds customers, read
    without loading the database layer (so the demo starts as fast as any database)."""
    from crmdesk.services.dto import CustomerQuery
    from crmdesk.services.quick_read import QuickReader

    quick = QuickReader.open(url)
    if quick is None:
        return False
    try:
        read = quick.customers(CustomerQuery(), 1, 1)
    finally:
        quick.close()
    return read is not None and read[0].count > 0


def cmd_gui(args: argparse.Namespace) -> int:
    from crmdesk import paths

    lang = args.lang
    url = args.db
    if args.demo:
        from crmdesk.services import customers as cs
        from crmdesk.services.demo import generate_demo
        from crmdesk.services.dto import CustomerQuery

        lang = lang or system_lang()
        path = paths.demo_database_path(lang)
        url = str(path)
        if not _has_customers(url):
            db = _open(url)
            try:
                if cs.count_customers(db, CustomerQuery(), cap=1).count == 0:
                    _say("Creating the demo database (first start only)…")
                    generate_demo(db, lang, progress=_progress_printer("Creating"))
            finally:
                db.close()
    from crmdesk.app import run_gui

    return run_gui(url, lang, demo=args.demo)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui,
    "demo": cmd_demo,
    "migrate": cmd_migrate,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "export": cmd_export,
    "report": cmd_report,
    "import": cmd_import,
    "imports": cmd_imports,
    "sla-check": cmd_sla_check,
    "daily-rules": cmd_daily_rules,
}


# ---------------------------------------------------------------------------------------------
# Entry point


def _log_to_file() -> Path | None:
    """Send log records (with tracebacks) to the log file, never to the terminal."""
    root = logging.getLogger()
    if root.handlers:
        return None
    try:
        from crmdesk import paths

        log_file = paths.log_dir() / "crmdesk-cli.log"
        handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    except OSError:
        log_file = None
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def explain(exc: BaseException, url_text: str | None) -> str | None:
    """The sentence for a problem a user can fix, or None for a bug."""
    from sqlalchemy import exc as sa_exc

    from crmdesk.errors import CrmError

    if isinstance(exc, CliError | CrmError):
        return str(exc)
    where = url_text or os.environ.get("CRMDESK_DATABASE_URL") or "the default database"
    if isinstance(exc, sa_exc.ArgumentError):  # includes an unknown dialect ("foo://")
        return f"'{where}' is not a database address crmdesk can open ({_one_line(exc)})."
    if isinstance(exc, sa_exc.OperationalError):
        return f"Cannot open the database {where}: {_one_line(exc)}"
    if isinstance(exc, sa_exc.DBAPIError):
        return f"The database {where} reported an error: {_one_line(exc)}"
    if isinstance(exc, sqlite3.DatabaseError):
        return f"The database {where} cannot be used: {exc}"
    if isinstance(exc, ModuleNotFoundError) and exc.name in ("psycopg", "psycopg2"):
        return "PostgreSQL needs the psycopg package: pip install 'crmdesk[postgres]'."
    if isinstance(exc, OSError):
        name = f" {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}:{name}" if name else f"{exc.strerror or exc}."
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("db", "lang"):
        if not hasattr(args, name):
            setattr(args, name, None)
    if not hasattr(args, "demo"):
        args.demo = False
    if getattr(args, "self_test", False):
        from crmdesk.logs import setup_logging
        from crmdesk.selftest import run_self_test

        setup_logging("crmdesk-selftest.log", crash_trace=False)
        return run_self_test()
    command = COMMANDS[args.command]
    log_file = _log_to_file() if args.command is not None else None
    try:
        return command(args)
    except KeyboardInterrupt:
        print("Interrupted; nothing more was written.", file=sys.stderr)
        return 130
    except Exception as exc:
        sentence = explain(exc, args.db)
        log.error("crmdesk %s failed", args.command or "app", exc_info=exc)
        if sentence is None:
            where = f" Details are in {log_file}." if log_file else ""
            sentence = f"Unexpected error: {type(exc).__name__}: {exc}.{where}"
        print(sentence, file=sys.stderr)
        return 1
