"""Carrying out an import plan: one transaction, bulk inserts straight to the driver.

Rows go in with ``executemany`` of plain tuples (as the bulk demo data does), in chunks with a
progress report and a cancel check between them; a cancel, an error or a killed process rolls
the whole transaction back, so the database is exactly as it was. Every record created and
every customer updated is written down (``import_change``) with what it held before, so the
import can be taken back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session

from crmdesk.models import (
    Contact,
    Customer,
    ImportBatch,
    Interaction,
    Order,
    Tag,
)
from crmdesk.services.audit import _SKIP as NOT_AUDITED
from crmdesk.services.audit import _text as audit_text
from crmdesk.services.core import Database
from crmdesk.services.customers import reconcile_churn, refresh_search_text
from crmdesk.services.importing.mapping import recall_mapping, remember_mapping
from crmdesk.services.importing.plan import (
    CONTACT_COLUMNS,
    DEFAULT_OPTIONS,
    ContactData,
    CustomerData,
    ImportOptions,
    Plan,
    ProgressToken,
    RelatedRow,
    RowPlan,
    _chunks,
    contact_changes,
    customer_changes,
    dumps,
    effective_mode,
    find_contact,
    load_workbook_for_import,
    make_plan,
)
from crmdesk.services.importing.readers import Workbook
from crmdesk.services.text import fold, normalize_phone, search_key

BATCH = 5000


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    counts: dict[str, int]
    related: dict[str, int]
    rejected: tuple[RowPlan, ...]


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with Path(path).open("rb") as fh:
            while chunk := fh.read(1024 * 1024):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def run_import(
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    token: ProgressToken | None = None,
    workbook: Workbook | None = None,
) -> ImportResult:
    """Import the file as ``preview_import`` describes it, in one transaction.

    The plan is made again inside the transaction, so it agrees with the database it is
    written to. A cancel (``token.check()`` raising) or any error leaves the database as it
    was. The mapping is remembered for the next file with the same headers.
    """
    wb = workbook if workbook is not None else load_workbook_for_import(path)
    checksum = file_checksum(path)
    with db.write() as s:
        conn = s.connection()
        plan = make_plan(
            conn, path, options, token, wb, lambda h: recall_mapping(db, h), keep_rows=False
        )
        result = _Writer(db, s, conn, plan, options, token).run(checksum)
    remember_mapping(db, plan.preview.headers, plan.preview.mapping)
    return result


# ---------------------------------------------------------------------------------------------
# Search text in bulk


class SearchText:
    """``customers.search_text_for``, the same text, built faster for many customers: the
    search key of a text that repeats (a city, a tag, a person's name) is made once, and that
    of plain ASCII (codes, phones, emails) without Unicode normalisation, which cannot change
    it."""

    def __init__(self) -> None:
        self.memo: dict[str, str] = {}

    def key(self, text: str) -> str:
        if text.isascii():
            return " ".join(text.lower().split())
        found = self.memo.get(text)
        if found is None:
            found = search_key(text)
            if len(self.memo) < 200_000:
                self.memo[text] = found
        return found

    def __call__(
        self,
        name: str | None,
        code: str | None,
        city: str | None,
        contacts: Sequence[tuple[str | None, str | None, str | None, str | None]] = (),
        tags: Sequence[str] = (),
    ) -> str:
        parts: list[str | None] = [name, code, city]
        for contact_name, phone, email, wechat in contacts:
            if phone and len(phone) == 11 and phone[0] == "1" and phone.isdigit():
                digits: str | None = phone  # a mobile number is its own digits
            else:
                digits = normalize_phone(phone)
            parts.extend([contact_name, phone, digits if digits != phone else None, email, wechat])
        parts.extend(tags)
        key = self.key
        return " " + " \u2502 ".join([key(p) for p in parts if p and p.strip()]) + " "


# ---------------------------------------------------------------------------------------------
# The audit trail of bulk writes

AUDIT_COLUMNS = (
    "at", "user_id", "user_name", "entity", "entity_id", "customer_id", "action", "field",
    "old_value", "new_value",
)  # fmt: skip
AuditRow = tuple[Any, int | None, str | None, str, int, int | None, str, str | None, str | None,
                 str | None]  # fmt: skip


class AuditLog:
    """Audit entries of a bulk write, as the ORM listener (services.audit) writes them for
    ORM writes: who, when, which record of which customer, and per changed field the old and
    new value as text (``audit._text``). Written with ``write`` in the same transaction."""

    def __init__(self, db: Database, conn: Connection) -> None:
        user = db.user
        self.conn = conn
        self.at = _stamp_for(conn)(db.now())
        self.user_id = user.id if user else None
        self.user_name = user.display_name if user else None
        self.rows: list[AuditRow] = []

    def record(self, entity: str, eid: int, customer_id: int | None, action: str) -> None:
        """A record created ("create") or removed ("erase")."""
        self.rows.append(
            (self.at, self.user_id, self.user_name, entity, eid, customer_id, action, None, None,
             None)
        )  # fmt: skip

    def fields(
        self,
        entity: str,
        eid: int,
        customer_id: int | None,
        old: dict[str, Any],
        new: dict[str, Any],
    ) -> None:
        """One "update" entry per field of ``new`` whose text differs from ``old``'s."""
        for field, value in new.items():
            if field in NOT_AUDITED:
                continue
            before, after = audit_text(old.get(field)), audit_text(value)
            if before != after:
                self.rows.append(
                    (self.at, self.user_id, self.user_name, entity, eid, customer_id, "update",
                     field, before, after)
                )  # fmt: skip

    def write(self, token: ProgressToken | None = None) -> None:
        mark = "?" if self.conn.dialect.paramstyle == "qmark" else "%s"
        sql = (
            f"INSERT INTO audit_entry ({', '.join(AUDIT_COLUMNS)}) "
            f"VALUES ({', '.join([mark] * len(AUDIT_COLUMNS))})"
        )
        for chunk in _chunks(self.rows, BATCH):
            if token is not None:
                token.check()
            self.conn.exec_driver_sql(sql, list(chunk))
        self.rows = []


# ---------------------------------------------------------------------------------------------


def _stamp_for(conn: Connection) -> Callable[[dt.datetime | None], Any]:
    if conn.dialect.name == "sqlite":
        return lambda m: (
            None if m is None else m.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        )
    return lambda m: m


class _Writer:
    def __init__(
        self,
        db: Database,
        s: Session,
        conn: Connection,
        plan: Plan,
        options: ImportOptions,
        token: ProgressToken | None,
    ) -> None:
        self.db, self.s, self.conn, self.plan, self.options = db, s, conn, plan, options
        self.token = token
        self.sqlite = conn.dialect.name == "sqlite"
        self.stamp = _stamp_for(conn)
        self.now = db.now()
        self.now_stamp = self.stamp(self.now)
        self.changes: list[tuple[int, str, int, str, str | None, int | None]] = []
        self.done = 0
        self.total = max(
            1, sum(1 for r in plan.records if r.action != "reject") + len(plan.related_rows)
        )
        self.mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        self.audit = AuditLog(db, conn)
        self.tag_names: dict[int, str] = {}

    # ---- low level

    def money(self, value: Decimal | None) -> Any:
        if value is None:
            return None
        return str(value) if self.sqlite else value

    def day(self, value: dt.date | None) -> Any:
        if value is None:
            return None
        return value.isoformat() if self.sqlite else value

    def put(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        marks = ", ".join([self.mark] * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        for chunk in _chunks(rows, BATCH):
            if self.token is not None:
                self.token.check()
            self.conn.exec_driver_sql(sql, list(chunk))

    def step(self, n: int, text: str) -> None:
        self.done += n
        if self.token is not None:
            self.token.progress(min(self.done, self.total), self.total, text)

    def max_id(self, table: str) -> int:
        return int(
            self.conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar() or 0
        )

    def change(
        self, entity: str, eid: int, action: str, before: str | None, version: int | None
    ) -> None:
        self.changes.append((self.batch_id, entity, eid, action, before, version))

    # ---- the run

    def run(self, checksum: str) -> ImportResult:
        conn, preview = self.conn, self.plan.preview
        if conn.dialect.name == "postgresql":
            # Ids are handed out here; nobody else may insert into these tables meanwhile.
            conn.exec_driver_sql(
                "LOCK TABLE customer, contact, customer_tag, tag, interaction, sales_order "
                "IN SHARE ROW EXCLUSIVE MODE"
            )
        user = self.db.user
        self.batch_id = int(
            conn.execute(
                insert(ImportBatch.__table__).values(
                    file_name=preview.file_name[:300],
                    checksum=checksum,
                    sheet=preview.sheet[:100],
                    user_id=user.id if user else None,
                    started_at=self.now,
                    status="running",
                )
            ).inserted_primary_key[0]
        )
        self.ids = {
            t: self.max_id(t) for t in ("customer", "contact", "tag", "interaction", "sales_order")
        }
        self.tag_ids = self._tags()
        records = [r for r in self.plan.records if r.action in ("create", "update", "skip")]
        for rec in records:
            if rec.action != "create":
                rec.customer_id = rec.match_id
        last = self._last_interactions()
        self.version_now: dict[int, int] = {
            cid: int(row["version"]) for cid, row in self.plan.existing.items()
        }
        creating = [r for r in records if r.action == "create"]
        deferred = self._defer_indexes(len(creating))
        self._create(creating, last)
        self._restore_indexes(deferred)
        updated = self._update([r for r in records if r.action == "update"])
        related = self._related(last)
        if updated:
            refresh_search_text(self.s, updated)
        reconcile_churn(conn)
        self.put(
            "import_change",
            ("batch_id", "entity", "entity_id", "action", "before", "version_after"),
            self.changes,
        )
        self.audit.write(self.token)
        self._fix_sequences()
        counts = dict(preview.counts)
        rejected = tuple(p for p in self.plan.plans if p.action == "reject")
        conn.execute(
            update(ImportBatch.__table__)
            .where(ImportBatch.__table__.c.id == self.batch_id)
            .values(
                finished_at=self.db.now(),
                created_count=counts["create"],
                updated_count=counts["update"],
                skipped_count=counts["skip"],
                rejected_count=len(rejected),
                status="done",
                details=json.dumps(
                    {"merged": counts["merge"], "related": related}, ensure_ascii=False
                ),
            )
        )
        return ImportResult(self.batch_id, counts, related, rejected)

    def _defer_indexes(self, new_rows: int) -> list[tuple[str, str]] | None:
        """SQLite: when the import at least doubles the customers, the secondary indexes and
        the search index are built once at the end over sorted keys instead of row by row
        (as the bulk demo data does). DDL is transactional in SQLite, so a cancel or a crash
        rolls this back too."""
        if not self.sqlite or new_rows < 5000 or new_rows < self.ids["customer"]:
            return None
        conn = self.conn
        trigger = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_fts_ai'"
        ).scalar()
        deferred: list[tuple[str, str]] = list(
            conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND sql NOT LIKE 'CREATE UNIQUE%' "
                "AND tbl_name IN ('customer', 'contact', 'customer_tag')"
            ).all()
        )
        for name, _sql in deferred:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        if trigger:
            conn.exec_driver_sql("DROP TRIGGER customer_fts_ai")
            deferred.append(("customer_fts_ai", trigger))
        self.fts_from = self.ids["customer"]
        return deferred

    def _restore_indexes(self, deferred: list[tuple[str, str]] | None) -> None:
        if deferred is None:
            return
        for name, sql in deferred:
            if self.token is not None:
                self.token.check()
            if name == "customer_fts_ai":
                self.conn.exec_driver_sql(
                    "INSERT INTO customer_fts(rowid, search_text) "
                    f"SELECT id, search_text FROM customer WHERE id > {int(self.fts_from)}"
                )
            self.conn.exec_driver_sql(sql)

    def _fix_sequences(self) -> None:
        if self.conn.dialect.name != "postgresql":
            return
        for table in ("customer", "contact", "tag", "interaction", "sales_order"):
            self.conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
            )

    # ---- tags and owners

    def _tags(self) -> dict[str, int]:
        t = Tag.__table__.c
        known: dict[str, int] = {}
        for tid, name in self.conn.execute(select(t.id, t.name).order_by(t.group, t.id)):
            known.setdefault(fold(name), tid)
            self.tag_names[tid] = name
        wanted: dict[str, str] = {}
        for rec in self.plan.records:
            if rec.action in ("create", "update"):
                for tag in rec.tags:
                    wanted.setdefault(fold(tag), tag)
        rows = []
        for key, name in wanted.items():
            if key not in known:
                self.ids["tag"] += 1
                known[key] = self.ids["tag"]
                rows.append((self.ids["tag"], name, "", "#607d8b"))
                self.tag_names[self.ids["tag"]] = name
        self.put("tag", ("id", "name", '"group"', "color"), rows)
        return known

    def owner_of(self, rec: CustomerData) -> int | None:
        if rec.owner_text:
            return self.plan.users.get(fold(rec.owner_text))
        return None

    # ---- customers

    def _codes(self, records: list[CustomerData]) -> None:
        """Codes for new customers: the file's, unless used already; else C + the id."""
        c = Customer.__table__.c
        given = {str(r.values["code"]) for r in records if r.values.get("code")}
        start = self.ids["customer"]
        generated = {f"C{start + i + 1:06d}" for i in range(len(records))}
        candidates = given | generated
        lo, hi = f"C{start + 1:06d}", f"C{start + len(records):06d}"
        taken: set[str] = set()
        lookup = sorted(candidates)
        if len(lo) == len(hi):
            # Codes of one width sort as their numbers: one range instead of many IN lists.
            lookup = sorted(given - generated)
            taken.update(
                code
                for code in self.conn.execute(
                    select(c.code).where(c.code >= lo, c.code <= hi)
                ).scalars()
                if code in generated
            )
        for chunk in _chunks(lookup):
            taken.update(self.conn.execute(select(c.code).where(c.code.in_(chunk))).scalars())

        def used(code: str) -> bool:
            if code in taken:
                return True
            if code in candidates:
                return False
            return self.conn.execute(select(c.id).where(c.code == code)).first() is not None

        for i, rec in enumerate(records):
            code = rec.values.get("code")
            if code and code not in taken:
                taken.add(code)
                continue
            n = start + i + 1
            code = f"C{n:06d}"
            while used(code):
                n += len(records)
                code = f"C{n:06d}"
            taken.add(code)
            rec.values["code"] = code

    def _create(self, records: list[CustomerData], last: dict[int, dt.datetime]) -> None:
        if not records:
            return
        for rec in records:
            self.ids["customer"] += 1
            rec.customer_id = self.ids["customer"]
        self.ids["customer"] -= len(records)
        self._codes(records)
        self.ids["customer"] += len(records)
        default_owner = self.db.user.id if self.db.user else None
        tag_name = {v: k for k, v in self.tag_ids.items()}
        cust_cols = (
            "id", "code", "kind", "name", "name_key", "industry", "region", "city", "address",
            "website", "channel", "usage_scenario", "pain_points", "segment", "tier", "stage",
            "owner_id", "annual_revenue", "notes", "last_interaction_at", "import_batch_id",
            "search_text", "version", "created_at", "updated_at",
        )  # fmt: skip
        stamp = self.stamp
        record = self.audit.record
        search_text = SearchText()
        for chunk in _chunks(records, BATCH):
            cust_rows, contact_rows, link_rows, custom_rows = [], [], [], []
            for rec in chunk:
                v = rec.values
                cid = rec.customer_id
                assert cid is not None
                tags = sorted({self.tag_ids[fold(t)] for t in rec.tags})
                contacts = []
                for i, k in enumerate(rec.contacts):
                    # Recorded with their customer: undo removes them with it.
                    self.ids["contact"] += 1
                    contacts.append((k.name, k.phone, k.email, k.wechat))
                    contact_rows.append(self._contact_row(self.ids["contact"], cid, k, i == 0))
                    record("contact", self.ids["contact"], cid, "create")
                link_rows.extend((cid, t) for t in tags)
                custom_rows.extend(
                    self._custom_row(fid, cid, value) for fid, value in rec.custom.items()
                )
                created = v.get("created_at") or self.now
                moment = max(
                    filter(None, (v.get("last_interaction_at"), last.get(id(rec)))), default=None
                )
                owner = self.owner_of(rec)
                cust_rows.append(
                    (cid, v["code"], v.get("kind") or "company", v["name"], rec.name_key,
                     v.get("industry"), v.get("region"), v.get("city"), v.get("address"),
                     v.get("website"), v.get("channel"), v.get("usage_scenario"),
                     v.get("pain_points"), v.get("segment"), v.get("tier"),
                     v.get("stage") or "prospect", owner if owner is not None else default_owner,
                     self.money(v.get("annual_revenue")), v.get("notes"), stamp(moment),
                     self.batch_id,
                     search_text(v["name"], v["code"], v.get("city"), contacts,
                                 [tag_name.get(t, "") for t in tags]),
                     1, stamp(created), self.now_stamp)
                )  # fmt: skip
                self.change("customer", cid, "create", None, 1)
                record("customer", cid, cid, "create")
            self.put("customer", cust_cols, cust_rows)
            self.put("contact", _CONTACT_INSERT, contact_rows)
            self.put("customer_tag", ("customer_id", "tag_id"), link_rows)
            self.put("custom_field_value", _CUSTOM_INSERT, custom_rows)
            self.step(len(chunk), "Writing customers")

    def _contact_row(self, kid: int, cid: int, k: ContactData, primary: bool) -> tuple[Any, ...]:
        return (
            kid, cid, (k.name or "")[:100], k.title, k.phone, k.phone_key, k.email, k.wechat,
            self.day(k.birthday), bool(k.is_decision_maker), primary, k.notes, 1,
            self.now_stamp, self.now_stamp,
        )  # fmt: skip

    def _custom_row(self, fid: int, cid: int, value: Any) -> tuple[Any, ...]:
        text = number = day = None
        if isinstance(value, Decimal):
            number = self.money(value)
        elif isinstance(value, dt.date):
            day = self.day(value)
        elif isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = str(value)
        return (fid, cid, text, number, day)

    def _update(self, records: list[CustomerData]) -> list[int]:
        """Applies matched rows to existing customers; returns their ids."""
        if not records:
            return []
        plan = self.plan
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        contact_groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        new_contacts: list[tuple[Any, ...]] = []
        links: list[tuple[int, int]] = []
        unlinks: list[tuple[int, int]] = []
        customs: list[tuple[Any, ...]] = []
        tag_name_to_id = self.tag_ids
        existing_links = self._links([r.match_id for r in records if r.match_id])
        for rec in records:
            cid = rec.match_id
            assert cid is not None
            before_row = plan.existing[cid]
            mode = effective_mode(rec, self.options.on_duplicate)
            changes = customer_changes(rec, before_row, mode, self.owner_of(rec))
            before = {col: before_row.get(col) for col in changes if col in before_row}
            current = existing_links.get(cid, set())
            wanted_ids = {tag_name_to_id[fold(t)] for t in rec.tags}
            added = sorted(wanted_ids - current)
            links.extend((cid, t) for t in added)
            removed: list[int] = []
            if mode == "overwrite" and rec.match_by == "id" and ("tags" in rec.cleared or rec.tags):
                removed = sorted(current - wanted_ids)
                unlinks.extend((cid, t) for t in removed)
            extra = {"_tags_added": added, "_tags_removed": removed}
            self.audit.fields("customer", cid, cid, before_row, changes)
            if added or removed:
                names = self.tag_names
                self.audit.fields(
                    "customer", cid, cid,
                    {"tags": [names[t] for t in current]},
                    {"tags": [names[t] for t in (current - set(removed)) | set(added)]},
                )  # fmt: skip
            version = int(before_row["version"]) + 1
            self.version_now[cid] = version
            values = {**changes, "version": version, "updated_at": self.now}
            cols = tuple(sorted(values))
            groups.setdefault(cols, []).append(
                tuple(self._bind(col, values[col]) for col in cols) + (cid,)
            )
            contacts = plan.existing_contacts.get(cid, [])
            for k in rec.contacts:
                old = find_contact(contacts, k)
                if old is None:
                    self.ids["contact"] += 1
                    new_contacts.append(
                        self._contact_row(self.ids["contact"], cid, k, not contacts)
                    )
                    self.change("contact", self.ids["contact"], "create", None, 1)
                    self.audit.record("contact", self.ids["contact"], cid, "create")
                    contacts.append(
                        {"id": self.ids["contact"], **{c: getattr(k, c) for c in CONTACT_COLUMNS}}
                    )
                    continue
                kc = contact_changes(k, old, mode)
                if not kc:
                    continue
                kversion = int(old.get("version") or 1) + 1
                kvalues = {**kc, "version": kversion, "updated_at": self.now}
                kcols = tuple(sorted(kvalues))
                contact_groups.setdefault(kcols, []).append(
                    tuple(self._bind(col, kvalues[col]) for col in kcols) + (old["id"],)
                )
                self.change(
                    "contact", old["id"], "update", dumps({c: old.get(c) for c in kc}), kversion
                )
                self.audit.fields("contact", old["id"], cid, old, kc)
                old.update(kc)
            present = {fid for fid, eid in self._custom_present(cid)}
            for fid, value in rec.custom.items():
                if fid not in present:
                    customs.append(self._custom_row(fid, cid, value))
                    self.change(
                        "custom_field_value", cid, "create", json.dumps({"field_id": fid}), None
                    )
            self.change("customer", cid, "update", dumps({**before, **extra}), version)
        for cols, rows in groups.items():
            sets = ", ".join(f"{c} = {self.mark}" for c in cols)
            for chunk in _chunks(rows, BATCH):
                if self.token is not None:
                    self.token.check()
                self.conn.exec_driver_sql(
                    f"UPDATE customer SET {sets} WHERE id = {self.mark}", list(chunk)
                )
        for cols, rows in contact_groups.items():
            sets = ", ".join(f"{c} = {self.mark}" for c in cols)
            self.conn.exec_driver_sql(f"UPDATE contact SET {sets} WHERE id = {self.mark}", rows)
        self.put("contact", _CONTACT_INSERT, new_contacts)
        self.put("customer_tag", ("customer_id", "tag_id"), links)
        if unlinks:
            self.conn.exec_driver_sql(
                f"DELETE FROM customer_tag WHERE customer_id = {self.mark} AND tag_id = {self.mark}",
                unlinks,
            )
        self.put("custom_field_value", _CUSTOM_INSERT, customs)
        self.step(len(records), "Updating customers")
        return [r.match_id for r in records if r.match_id]

    _present_cache: dict[int, set[tuple[int, int]]] | None = None

    def _custom_present(self, cid: int) -> set[tuple[int, int]]:
        if self._present_cache is None:
            from crmdesk.services.importing.plan import _custom_present

            fids = sorted({fid for r in self.plan.records for fid in r.custom})
            ids = [r.match_id for r in self.plan.records if r.action == "update" and r.match_id]
            cache: dict[int, set[tuple[int, int]]] = {}
            for fid, eid in _custom_present(self.conn, ids, fids):
                cache.setdefault(eid, set()).add((fid, eid))
            self._present_cache = cache
        return self._present_cache.get(cid, set())

    def _links(self, ids: Sequence[int]) -> dict[int, set[int]]:
        from crmdesk.models import customer_tag

        out: dict[int, set[int]] = {}
        for chunk in _chunks(sorted(set(ids))):
            for cid, tid in self.conn.execute(
                select(customer_tag.c.customer_id, customer_tag.c.tag_id).where(
                    customer_tag.c.customer_id.in_(chunk)
                )
            ):
                out.setdefault(cid, set()).add(tid)
        return out

    def _bind(self, column: str, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return self.stamp(value)
        if isinstance(value, Decimal):
            return self.money(value)
        if isinstance(value, dt.date):
            return self.day(value)
        if hasattr(value, "value") and isinstance(value.value, str):
            return value.value
        return value

    # ---- related sheets

    def _target(self, item: RelatedRow) -> int | None:
        if item.record is not None:
            return item.record.customer_id
        return item.customer_id

    def _last_interactions(self) -> dict[int, dt.datetime]:
        """Latest follow-up per new record (keyed by id(record)) for the customer insert."""
        out: dict[int, dt.datetime] = {}
        for item in self.plan.related_rows:
            if item.kind == "followups" and item.reason_code is None and item.record is not None:
                when = item.data["occurred_at"]
                key = id(item.record)
                if key not in out or when > out[key]:
                    out[key] = when
        return out

    def _related(self, last: dict[int, dt.datetime]) -> dict[str, int]:
        items = [i for i in self.plan.related_rows if i.reason_code is None]
        counts: dict[str, int] = {}
        if not items:
            return counts
        new_ids = {r.customer_id for r in self.plan.records if r.action == "create"}
        old_ids = sorted(
            {cid for i in items if (cid := self._target(i)) is not None and cid not in new_ids}
        )
        # What the database already holds for these customers, so a re-import adds nothing.
        k = Contact.__table__.c
        n = Interaction.__table__.c
        o = Order.__table__.c
        contacts: dict[int, list[dict[str, Any]]] = {}
        seen_notes: set[tuple[int, str, str]] = set()
        seen_orders: set[tuple[int, str, str]] = set()
        for chunk in _chunks(old_ids):
            for row in self.conn.execute(
                select(k.id, k.customer_id, k.name, k.phone_key, k.email).where(
                    k.customer_id.in_(chunk), k.deleted_at.is_(None)
                )
            ):
                contacts.setdefault(row.customer_id, []).append(dict(row._mapping))
            for cid, when, summary in self.conn.execute(
                select(n.customer_id, n.occurred_at, n.summary).where(n.customer_id.in_(chunk))
            ):
                seen_notes.add(
                    (cid, when.astimezone(dt.UTC).isoformat(timespec="seconds"), summary)
                )
            for cid, day, amount in self.conn.execute(
                select(o.customer_id, o.ordered_on, o.amount).where(o.customer_id.in_(chunk))
            ):
                seen_orders.add((cid, day.isoformat(), f"{Decimal(amount):.2f}"))
        for rec in self.plan.records:
            if rec.action == "create" and rec.customer_id is not None:
                contacts[rec.customer_id] = [
                    {"name": c.name, "phone_key": c.phone_key, "email": c.email}
                    for c in rec.contacts
                ]
        numbers = sorted(
            {str(i.data["number"]) for i in items if i.kind == "orders" and i.data.get("number")}
        )
        taken_numbers: set[str] = set()
        for chunk in _chunks(numbers):
            taken_numbers.update(
                self.conn.execute(select(o.number).where(o.number.in_(chunk))).scalars()
            )
        contact_rows, note_rows, order_rows = [], [], []
        latest: dict[int, dt.datetime] = {}
        users = self.plan.users
        for item in items:
            cid = self._target(item)
            if cid is None:
                continue
            if item.kind == "contacts":
                assert item.contact is not None
                mine = contacts.setdefault(cid, [])
                if find_contact(mine, item.contact) is not None:
                    continue
                self.ids["contact"] += 1
                contact_rows.append(
                    self._contact_row(self.ids["contact"], cid, item.contact, not mine)
                )
                self.change("contact", self.ids["contact"], "create", None, 1)
                self.audit.record("contact", self.ids["contact"], cid, "create")
                mine.append({"name": item.contact.name, "phone_key": item.contact.phone_key,
                             "email": item.contact.email})  # fmt: skip
            elif item.kind == "followups":
                when: dt.datetime = item.data["occurred_at"]
                content: str = item.data["content"]
                summary = content.split("\n", 1)[0][:300]
                key = (cid, when.isoformat(timespec="seconds"), summary)
                if key in seen_notes:
                    continue
                seen_notes.add(key)
                author = item.data.get("author")
                user_id = users.get(fold(author)) if author else None
                self.ids["interaction"] += 1
                note_rows.append(
                    (self.ids["interaction"], cid, item.data["kind"], self.stamp(when), user_id,
                     None if user_id else author, summary, content, False, self.batch_id, 1,
                     self.now_stamp, self.now_stamp)
                )  # fmt: skip
                self.change("interaction", self.ids["interaction"], "create", None, 1)
                self.audit.record("interaction", self.ids["interaction"], cid, "create")
                if cid not in new_ids and (cid not in latest or when > latest[cid]):
                    latest[cid] = when
            else:
                number = item.data.get("number")
                amount: Decimal = item.data["amount"]
                day: dt.date = item.data["ordered_on"]
                if number and number in taken_numbers:
                    continue
                if not number:
                    key = (cid, day.isoformat(), f"{amount:.2f}")
                    if key in seen_orders:
                        continue
                    seen_orders.add(key)
                self.ids["sales_order"] += 1
                if not number:
                    number = f"IMP{self.batch_id}-{self.ids['sales_order']}"
                taken_numbers.add(number)
                order_rows.append(
                    (self.ids["sales_order"], number, cid, self.day(day), self.money(amount), "CNY",
                     "open", item.data.get("notes"), self.batch_id, self.now_stamp, self.now_stamp)
                )  # fmt: skip
                self.change("sales_order", self.ids["sales_order"], "create", None, None)
            counts[item.kind] = counts.get(item.kind, 0) + 1
        self.put("contact", _CONTACT_INSERT, contact_rows)
        self.put(
            "interaction",
            ("id", "customer_id", "kind", "occurred_at", "user_id", "author_name", "summary",
             "content", "important", "import_batch_id", "version", "created_at", "updated_at"),
            note_rows,
        )  # fmt: skip
        self.put(
            "sales_order",
            ("id", "number", "customer_id", "ordered_on", "amount", "currency", "status", "notes",
             "import_batch_id", "created_at", "updated_at"),
            order_rows,
        )  # fmt: skip
        self._touch_last_interaction(latest)
        if contact_rows:
            refresh_search_text(self.s, sorted({r[1] for r in contact_rows}))
        self.step(len(items), "Linking related rows")
        return counts

    def _touch_last_interaction(self, latest: dict[int, dt.datetime]) -> None:
        """Existing customers whose newest interaction is now an imported one."""
        if not latest:
            return
        c = Customer.__table__.c
        current: dict[int, dt.datetime | None] = {}
        for chunk in _chunks(sorted(latest)):
            current.update(
                (cid, when)
                for cid, when in self.conn.execute(
                    select(c.id, c.last_interaction_at).where(c.id.in_(chunk))
                )
            )
        rows = []
        for cid, when in latest.items():
            old = current.get(cid)
            if old is not None and old >= when:
                continue
            rows.append((self.stamp(when), cid))
            version = self.version_now.get(cid)
            if version is None:
                version = int(self.conn.execute(select(c.version).where(c.id == cid)).scalar_one())
            self.change("customer", cid, "update", dumps({"last_interaction_at": old}), version)
        if rows:
            self.conn.exec_driver_sql(
                f"UPDATE customer SET last_interaction_at = {self.mark} WHERE id = {self.mark}",
                rows,
            )


_CONTACT_INSERT = (
    "id", "customer_id", "name", "title", "phone", "phone_key", "email", "wechat", "birthday",
    "is_decision_maker", "is_primary", "notes", "version", "created_at", "updated_at",
)  # fmt: skip
_CUSTOM_INSERT = ("field_id", "entity_id", "value_text", "value_number", "value_date")
