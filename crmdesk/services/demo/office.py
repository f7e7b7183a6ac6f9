"""The realistic demo: a small office's two years of customers, sales and service."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select, update

from crmdesk.models import (
    Contact,
    Customer,
    Deal,
    Interaction,
    KbArticle,
    Order,
    Payment,
    Setting,
    Tag,
    Task,
    Team,
    Ticket,
    TicketEvent,
    TicketStep,
    User,
    customer_tag,
    ticket_article,
)
from crmdesk.services import followup
from crmdesk.services.core import Database
from crmdesk.services.customers import search_text_for
from crmdesk.services.demo.common import (
    DEAL_PROBABILITY,
    OPEN_STAGES,
    CancelCheck,
    DemoSummary,
    Progress,
    _checker,
    _company,
    _fix_sequences,
    _insert,
    _max_ids,
    _money,
    _person,
    _phone,
    _pick,
    _tag_rows,
    _unique_code,
    tier_for,
)
from crmdesk.services.demo.data import Words, words_for
from crmdesk.services.demo.office_tickets import TicketMaker, articles, office_calendar
from crmdesk.services.demo.service_desk import (
    HistoryPlanner,
    taken_ticket_numbers,
)
from crmdesk.services.service_settings import load_calendar, load_policy
from crmdesk.services.text import company_key, normalize_phone

# ---------------------------------------------------------------------------------------------
# The realistic demo

_STAFF = {
    "zh": [
        ("zhoumin", "周敏", "admin", None),
        ("chenjianguo", "陈建国", "sales_manager", "sales"),
        ("linxiaoming", "林晓明", "sales_rep", "sales"),
        ("huanghaiyan", "黄海燕", "sales_rep", "sales"),
        ("guojunjie", "郭俊杰", "sales_rep", "sales"),
        ("xujiayi", "徐佳怡", "sales_rep", "sales"),
        ("zhaogang", "赵刚", "service_director", "service"),
        ("sunting", "孙婷", "service_agent", "service"),
        ("machao", "马超", "service_agent", "service"),
        ("hejing", "何静", "service_agent", "service"),
    ],
    "en": [
        ("amorgan", "Alex Morgan", "admin", None),
        ("kwalsh", "Karen Walsh", "sales_manager", "sales"),
        ("tbaker", "Tom Baker", "sales_rep", "sales"),
        ("pshah", "Priya Shah", "sales_rep", "sales"),
        ("lmartin", "Leo Martin", "sales_rep", "sales"),
        ("ncosta", "Nina Costa", "sales_rep", "sales"),
        ("ohaddad", "Omar Haddad", "service_director", "service"),
        ("jnovak", "Julia Novak", "service_agent", "service"),
        ("bcarter", "Ben Carter", "service_agent", "service"),
        ("mwong", "Mia Wong", "service_agent", "service"),
    ],
}

_STAGES = (("prospect", 25), ("new", 18), ("growing", 37), ("at_risk", 12), ("churned", 8))
_CHANNELS = (
    ("website", 25), ("event", 12), ("wechat", 20), ("referral", 18),
    ("platform", 10), ("cold_call", 10), ("other", 5),
)  # fmt: skip
_KINDS = (("call", 30), ("wechat", 25), ("email", 18), ("visit", 10), ("meeting", 7), ("note", 10))
_ACTIVITY = {"prospect": 1, "new": 1, "growing": 0, "at_risk": 2, "churned": 2}
_TASK_STATES = ("overdue", "today", "done", "future")


@dataclass
class _Ids:
    values: dict[str, int]

    def next(self, table: str) -> int:
        self.values[table] += 1
        return self.values[table]


@dataclass
class _Rows:
    customers: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    customer_tags: list[dict[str, Any]] = field(default_factory=list)
    interactions: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    deals: list[dict[str, Any]] = field(default_factory=list)
    orders: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    tickets: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    ticket_articles: list[dict[str, Any]] = field(default_factory=list)


class _Demo(TicketMaker):
    """Builds the rows of the demo in memory, one customer's whole history at a time."""

    def __init__(
        self,
        rng: random.Random,
        words: Words,
        now: dt.datetime,
        ids: _Ids,
        staff: dict[str, list[tuple[int, str]]],
        tags: dict[tuple[str, str], int],
        taken_codes: set[str],
        planner: HistoryPlanner,
    ) -> None:
        self.rng = rng
        self.w = words
        self.now = now
        self.ids = ids
        self.staff = staff
        self.tags = tags
        self.taken_codes = taken_codes
        self.local = dt.timezone(dt.timedelta(hours=8 if words.chinese else -5))
        self.rows = _Rows()
        self.names: set[str] = set()
        self.service_team_id = 0
        self.task_n = 0
        self.ticket_n = 0
        self.open_deal_n = 0
        self.planner = planner
        self.waiting_n = 0
        self.overdue_n = 0
        self.revisits = []
        self.article_for = {}

    # time ------------------------------------------------------------------------------------
    def at(self, start: dt.datetime, end: dt.datetime) -> dt.datetime:
        """A moment in office hours between start and end (never after now)."""
        end = min(end, self.now)
        if end <= start:
            return end
        day = start + (end - start) * self.rng.random()
        local = day.astimezone(self.local).replace(
            hour=self.rng.randint(9, 17), minute=self.rng.randrange(60), second=0, microsecond=0
        )
        moment = local.astimezone(dt.UTC)
        return moment if start <= moment <= end else day

    def ago(self, days: float) -> dt.datetime:
        return self.now - dt.timedelta(days=days)

    def local_date(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.local).date()

    def today_at(self, hour: int) -> dt.datetime:
        local = self.now.astimezone(self.local)
        return local.replace(hour=hour, minute=0, second=0, microsecond=0).astimezone(dt.UTC)

    # one customer ----------------------------------------------------------------------------
    def customer(self) -> None:
        rng, w = self.rng, self.w
        cid = self.ids.next("customer")
        stage = _pick(rng, _STAGES)
        kind = "person" if rng.random() < 0.15 else "company"
        region = rng.choice(list(w.regions))
        city, area = rng.choice(w.regions[region])
        industry = rng.choice(list(w.industries)) if kind == "company" else None
        created, active_end = {
            "prospect": (self.ago(rng.uniform(3, 200)), self.now),
            "new": (self.ago(rng.uniform(40, 240)), self.now),
            "growing": (self.ago(rng.uniform(200, 720)), self.now),
            "at_risk": (self.ago(rng.uniform(250, 720)), self.ago(rng.uniform(35, 100))),
            "churned": (self.ago(rng.uniform(400, 725)), self.ago(rng.uniform(150, 380))),
        }[stage]

        domain = ""
        for _ in range(30):
            if kind == "company":
                assert industry is not None
                name, domain = _company(rng, w, industry, city)
            else:
                name, domain = _person(rng, w, common_share=0.05)
            if name not in self.names:
                break
        self.names.add(name)

        sales = self.staff["sales"]
        owner: int | None = rng.choices([u for u, _ in sales], [1] + [3] * (len(sales) - 1))[0]
        if stage in ("prospect", "churned") and rng.random() < 0.15:
            owner = None  # back in the public pool (公海)

        contacts = self.contacts(cid, kind, name, domain, area, created)
        won, open_deal = self.deals(cid, stage, owner, created, active_end)
        last_year = sum((a for when, a in won if when >= self.ago(365)), Decimal(0))
        revenue = None if stage == "prospect" else last_year
        tier = tier_for(revenue)
        segment = {
            "prospect": "trial",
            "new": rng.choice(("trial", "paid")),
            "growing": "enterprise" if tier == "A" else "paid",
        }.get(stage, "paid")
        last = self.interactions(cid, stage, owner, contacts, created, active_end, won)
        if stage != "churned":
            self.tasks(cid, stage, owner, contacts, created)
        self.tickets(cid, stage, owner, contacts, created, active_end)

        need = 0 if open_deal or tier == "A" else (1 if stage in ("new", "growing") else 2)
        tag_keys = [
            (w.region_group, region),
            (w.tag_groups[0][0], w.tag_groups[0][1][need][0]),
            (w.tag_groups[1][0], w.tag_groups[1][1][_ACTIVITY[stage]][0]),
            (
                w.tag_groups[2][0],
                w.tag_groups[2][1][("trial", "paid", "enterprise").index(segment)][0],
            ),
        ]
        if industry:
            tag_keys.insert(0, (w.industry_group, industry))
        if rng.random() < 0.6:
            tag_keys.append((w.tag_groups[3][0], rng.choice(w.tag_groups[3][1])[0]))
        tag_ids = sorted(self.tags[k] for k in tag_keys)
        self.rows.customer_tags.extend({"customer_id": cid, "tag_id": t} for t in tag_ids)
        names_by_id = {self.tags[k]: k[1] for k in tag_keys}

        code = _unique_code(cid, self.taken_codes)
        road = rng.choice(w.roads)
        address = (
            f"{city}市{rng.choice(w.districts)}{road}{rng.randint(1, 999)}号"
            if w.chinese
            else f"{rng.randint(1, 9999)} {road}, {rng.choice(w.districts)}, {city}"
        )
        self.rows.customers.append(
            {
                "id": cid,
                "code": code,
                "kind": kind,
                "name": name,
                "name_key": company_key(name),
                "industry": industry,
                "region": region,
                "city": city,
                "address": address,
                "website": f"www.{domain}" if kind == "company" else None,
                "channel": _pick(rng, _CHANNELS),
                "usage_scenario": rng.choice(w.usage_scenarios) if kind == "company" else None,
                "pain_points": rng.choice(w.pain_points) if rng.random() < 0.7 else None,
                "segment": segment,
                "tier": tier,
                "stage": stage,
                "owner_id": owner,
                "annual_revenue": revenue,
                "notes": None,
                "last_interaction_at": last,
                # Marked churned a month or two after the last sign of life (no rng draw, so
                # the rest of the demo stays as it was).
                "churned_at": (
                    min(self.now, active_end + dt.timedelta(days=30 + cid % 60))
                    if stage == "churned"
                    else None
                ),
                "deleted_at": None,
                "import_batch_id": None,
                "search_text": search_text_for(
                    name,
                    code,
                    city,
                    [(c["name"], c["phone"], c["email"], c["wechat"]) for c in contacts],
                    [names_by_id[t] for t in tag_ids],
                ),
                "version": 1,
                "created_at": created,
                "updated_at": max(created, last or created),
            }
        )

    def contacts(
        self, cid: int, kind: str, name: str, domain: str, area: str, created: dt.datetime
    ) -> list[dict[str, Any]]:
        rng, w = self.rng, self.w
        count = 1 if kind == "person" else rng.choices((1, 2, 3, 4), (30, 35, 22, 13))[0]
        out = []
        seen: set[str] = set()
        for i in range(count):
            if kind == "person":
                # For a person the "domain" is the latin handle of their name.
                person, handle, domain = name, domain, ""
            else:
                person, handle = _person(rng, w)
                while person in seen:
                    person, handle = _person(rng, w)
            seen.add(person)
            decision = kind == "person" or i == 0 or (i == 1 and rng.random() < 0.4)
            title = (
                None
                if kind == "person"
                else rng.choice(w.decision_titles if decision else w.titles)
            )
            phone = _phone(rng, w, area)
            if domain:
                email = f"{handle}@{domain}"
            else:
                email = f"{handle}{rng.randint(1, 99)}@{rng.choice(w.email_domains)}"
            wechat = None
            if rng.random() < (0.6 if w.chinese else 0.15):
                wechat = (
                    f"wxid_{rng.randrange(36**8):08x}"
                    if rng.random() < 0.4
                    else f"{handle.replace('.', '_')}{rng.randint(10, 999)}"
                )
            birthday = None
            if rng.random() < 0.4:
                birthday = dt.date(rng.randint(1965, 1998), rng.randint(1, 12), rng.randint(1, 28))
            out.append(
                {
                    "id": self.ids.next("contact"),
                    "customer_id": cid,
                    "name": person,
                    "title": title,
                    "phone": phone if rng.random() < 0.95 else None,
                    "phone_key": None,
                    "email": email if rng.random() < 0.85 else None,
                    "wechat": wechat,
                    "birthday": birthday,
                    "is_decision_maker": decision,
                    "is_primary": i == 0,
                    "notes": None,
                    "deleted_at": None,
                    "version": 1,
                    "created_at": created,
                    "updated_at": created,
                }
            )
            out[-1]["phone_key"] = normalize_phone(out[-1]["phone"])
        self.rows.contacts.extend(out)
        return out

    def deals(
        self,
        cid: int,
        stage: str,
        owner: int | None,
        created: dt.datetime,
        active_end: dt.datetime,
    ) -> tuple[list[tuple[dt.datetime, Decimal]], bool]:
        """The customer's deals, orders and payments: (won (closed_at, amount)), has an open deal."""
        rng = self.rng
        year_ago = max(created, self.ago(365))
        won: list[tuple[dt.datetime, Decimal]] = []
        if stage == "new":
            won.append(
                (
                    self.at(max(created, self.ago(180)), self.ago(5)),
                    _money(rng.uniform(20e3, 600e3)),
                )
            )
        elif stage == "growing":
            target = rng.choices(
                (rng.uniform(1.05e6, 4e6), rng.uniform(3.2e5, 9.8e5), rng.uniform(3e4, 2.8e5)),
                (25, 40, 35),
            )[0]
            parts = [rng.random() + 0.3 for _ in range(rng.randint(1, 3))]
            for p in parts:
                won.append((self.at(year_ago, self.ago(3)), _money(target * p / sum(parts))))
        elif stage == "at_risk":
            for _ in range(rng.randint(1, 2)):
                won.append(
                    (
                        self.at(year_ago, active_end - dt.timedelta(days=10)),
                        _money(rng.uniform(3e4, 5e5)),
                    )
                )
        elif stage == "churned":
            for _ in range(rng.randint(1, 2)):
                won.append((self.at(created, active_end), _money(rng.uniform(1e4, 2e5))))
        if stage in ("growing", "at_risk") and created < self.ago(400):
            for _ in range(rng.randint(1, 2)):
                won.append((self.at(created, self.ago(370)), _money(rng.uniform(2e4, 4e5))))
        won.sort()
        for closed, amount in won:
            self.deal(cid, "won", owner, created, closed, amount)

        open_share = {"prospect": 0.85, "new": 0.35, "growing": 0.45, "at_risk": 0.2}.get(stage, 0)
        has_open = rng.random() < open_share
        if has_open:
            if self.open_deal_n < len(OPEN_STAGES):
                deal_stage = OPEN_STAGES[self.open_deal_n]
            elif stage == "prospect":
                deal_stage = rng.choices(OPEN_STAGES, (35, 30, 20, 15))[0]
            else:
                deal_stage = rng.choices(OPEN_STAGES, (10, 20, 40, 30))[0]
            self.open_deal_n += 1
            self.deal(cid, deal_stage, owner, created, None, _money(rng.uniform(2e4, 8e5)))
        if rng.random() < (0.2 if stage == "prospect" else 0.15):
            self.deal(
                cid,
                "lost",
                owner,
                created,
                self.at(created, active_end),
                _money(rng.uniform(2e4, 5e5)),
            )
        return won, has_open

    def deal(
        self,
        cid: int,
        stage: str,
        owner: int | None,
        customer_created: dt.datetime,
        closed: dt.datetime | None,
        amount: Decimal,
    ) -> None:
        rng, w = self.rng, self.w
        did = self.ids.next("deal")
        end = closed or self.now
        created = max(customer_created, end - dt.timedelta(days=rng.uniform(10, 60)))
        product = rng.choice(w.products)
        if closed is None:
            expected = self.local_date(self.now) + dt.timedelta(days=rng.randint(-10, 90))
        else:
            expected = self.local_date(closed)
        self.rows.deals.append(
            {
                "id": did,
                "customer_id": cid,
                "title": w.deal_title.format(product=product),
                "stage": stage,
                "amount": amount,
                "currency": "CNY" if w.chinese else "USD",
                "probability": DEAL_PROBABILITY[stage],
                "expected_close": expected,
                "owner_id": owner,
                "lost_reason": rng.choice(w.lost_reasons) if stage == "lost" else None,
                "closed_at": closed,
                "deleted_at": None,
                "version": 1,
                "created_at": created,
                "updated_at": closed or created,
            }
        )
        if stage != "won":
            return
        assert closed is not None
        oid = self.ids.next("sales_order")
        ordered_on = self.local_date(closed)
        delivered = closed < self.ago(30)
        self.rows.orders.append(
            {
                "id": oid,
                "number": f"SO{ordered_on:%Y%m}-{oid:05d}",
                "customer_id": cid,
                "deal_id": did,
                "ordered_on": ordered_on,
                "amount": amount,
                "currency": "CNY" if w.chinese else "USD",
                "status": "delivered" if delivered else "open",
                "notes": None,
                "import_batch_id": None,
                "created_at": closed,
                "updated_at": closed,
            }
        )
        today = self.local_date(self.now)
        if delivered:
            first = _money(float(amount) * rng.uniform(0.3, 0.7)) if rng.random() < 0.4 else amount
            instalments = [first, amount - first] if first < amount else [amount]
        else:
            instalments = [_money(float(amount) * 0.3)] if rng.random() < 0.5 else []
        paid_on = ordered_on
        for part in instalments:
            paid_on = min(today, paid_on + dt.timedelta(days=rng.randint(5, 40)))
            self.rows.payments.append(
                {
                    "id": self.ids.next("payment"),
                    "order_id": oid,
                    "customer_id": cid,
                    "paid_on": paid_on,
                    "amount": part,
                    "method": rng.choice(w.payment_methods),
                    "note": None,
                }
            )

    def interactions(
        self,
        cid: int,
        stage: str,
        owner: int | None,
        contacts: list[dict[str, Any]],
        created: dt.datetime,
        active_end: dt.datetime,
        won: list[tuple[dt.datetime, Decimal]],
    ) -> dt.datetime | None:
        rng, w = self.rng, self.w
        lo, hi = {"prospect": (1, 8), "new": (4, 14), "growing": (8, 35), "at_risk": (5, 18)}.get(
            stage, (3, 10)
        )
        everyone = [u for u, _ in self.staff["sales"] + self.staff["service"]]
        moments = [self.at(created, active_end) for _ in range(rng.randint(lo, hi))]
        if stage in ("new", "growing"):
            moments.append(self.at(self.ago(10), self.now))
        items: list[tuple[dt.datetime, str, str, bool]] = []
        for when in moments:
            kind = _pick(rng, _KINDS)
            important = rng.random() < 0.04
            summary = rng.choice(w.interactions[kind])
            if important:
                kind, summary = rng.choice(w.important_interactions)
            items.append((when, kind, summary, important))
        for closed, _amount in won:
            kind, summary = w.important_interactions[0]
            items.append((closed, kind, summary, True))
        last = None
        for when, kind, summary, important in sorted(items):
            contact = rng.choice(contacts)
            author = owner if owner is not None and rng.random() < 0.9 else rng.choice(everyone)
            self.rows.interactions.append(
                {
                    "id": self.ids.next("interaction"),
                    "customer_id": cid,
                    "contact_id": contact["id"],
                    "kind": kind,
                    "occurred_at": when,
                    "user_id": author,
                    "author_name": None,
                    "summary": summary.format(
                        contact=contact["name"], product=rng.choice(w.products)
                    ),
                    "content": rng.choice(w.interaction_details) if rng.random() < 0.4 else None,
                    "important": important,
                    "import_batch_id": None,
                    "deleted_at": None,
                    "version": 1,
                    "created_at": when,
                    "updated_at": when,
                }
            )
            last = when if last is None or when > last else last
        return last

    def tasks(
        self,
        cid: int,
        stage: str,
        owner: int | None,
        contacts: list[dict[str, Any]],
        created: dt.datetime,
    ) -> None:
        rng, w = self.rng, self.w
        wanted: list[tuple[str, str, str]] = []
        if rng.random() < 0.65:
            for _ in range(rng.randint(1, 3)):
                state = (
                    _TASK_STATES[self.task_n]
                    if self.task_n < len(_TASK_STATES)
                    else rng.choices(_TASK_STATES, (20, 15, 40, 25))[0]
                )
                self.task_n += 1
                wanted.append(("follow_up", rng.choice(w.task_titles), state))
        if stage == "at_risk":
            wanted.append(("revisit", w.revisit_title, rng.choice(("overdue", "today", "future"))))
        today = self.local_date(self.now)
        for c in contacts:
            b = c["birthday"]
            if b is not None:
                try:
                    next_birthday = b.replace(year=today.year)
                except ValueError:
                    continue
                if 0 <= (next_birthday - today).days <= 7:
                    wanted.append(("care", w.birthday_title.format(contact=c["name"]), "future"))
        for kind, title, state in wanted:
            due = {
                "overdue": self.ago(rng.uniform(1, 10)),
                "today": self.today_at(17),
                "done": self.ago(rng.uniform(1, 120)),
                "future": self.now + dt.timedelta(days=rng.uniform(1, 21)),
            }[state]
            made = max(created, min(due, self.now) - dt.timedelta(days=rng.uniform(1, 7)))
            done_at = (
                min(self.now, due + dt.timedelta(hours=rng.uniform(-48, 24)))
                if state == "done"
                else None
            )
            self.rows.tasks.append(
                {
                    "id": self.ids.next("task"),
                    "kind": kind,
                    "title": title,
                    "notes": None,
                    "customer_id": cid,
                    "deal_id": None,
                    "interaction_id": None,
                    "due_at": due,
                    "assignee_id": owner,
                    "created_by_id": owner,
                    "done_at": max(made, done_at) if done_at else None,
                    "deleted_at": None,
                    "version": 1,
                    "created_at": made,
                    "updated_at": done_at or made,
                }
            )


def _staff(
    conn: Connection, ids: _Ids, now: dt.datetime, words: Words
) -> tuple[dict[str, Any], int]:
    """The demo's two teams and ten users, reusing those that exist: (staff, users made)."""
    team_t, user_t = Team.__table__, User.__table__
    teams = {n: i for i, n in conn.execute(select(team_t.c.id, team_t.c.name))}
    for name in (words.team_sales, words.team_service):
        if name not in teams:
            teams[name] = ids.next("team")
            conn.execute(insert(team_t), [{"id": teams[name], "name": name, "manager_id": None}])
    team_of = {"sales": teams[words.team_sales], "service": teams[words.team_service]}
    existing = {n: i for i, n in conn.execute(select(user_t.c.id, user_t.c.username))}
    roster = _STAFF["zh" if words.chinese else "en"]
    by_role: dict[str, int] = {}
    rows = []
    uid_of: dict[str, int] = {}
    for username, display, role, team in roster:
        uid = existing.get(username)
        if uid is None:
            uid = ids.next("app_user")
            rows.append(
                {
                    "id": uid,
                    "username": username,
                    "display_name": display,
                    "email": f"{username}@{'example.cn' if words.chinese else 'example.com'}",
                    "role": role,
                    "team_id": team_of[team] if team else None,
                    "superior_id": None,
                    "active": True,
                    "password_hash": None,
                    "created_at": now - dt.timedelta(days=740),
                }
            )
        uid_of[username] = uid
        by_role.setdefault(role, uid)
    admin = by_role["admin"]
    for row in rows:
        row["superior_id"] = {
            "sales_rep": by_role["sales_manager"],
            "service_agent": by_role["service_director"],
            "sales_manager": admin,
            "service_director": admin,
        }.get(row["role"])
    if rows:
        # Superiors point at rows of the same batch; insert managers first.
        rows.sort(key=lambda r: r["superior_id"] is not None and r["superior_id"] != admin)
        rows.sort(key=lambda r: r["role"] != "admin")
        conn.execute(insert(user_t), rows)
    for team, role in (("sales", "sales_manager"), ("service", "service_director")):
        conn.execute(
            update(team_t)
            .where(team_t.c.id == team_of[team], team_t.c.manager_id.is_(None))
            .values(manager_id=by_role[role])
        )
    names = {uid_of[u]: d for u, d, _, _ in roster}
    sales = [(uid_of[u], d) for u, d, r, _ in roster if r in ("sales_manager", "sales_rep")]
    service = [
        (uid_of[u], d) for u, d, r, _ in roster if r in ("service_director", "service_agent")
    ]
    staff = {
        "sales": sales,
        "service": service,
        "service_agents": [uid_of[u] for u, _, r, _ in roster if r == "service_agent"],
        "service_director": by_role["service_director"],
        "service_team": team_of["service"],
        "names": names,
    }
    return staff, len(rows)


_DEMO_TABLES = [
    Team.__table__,
    User.__table__,
    Tag.__table__,
    Customer.__table__,
    Contact.__table__,
    Interaction.__table__,
    Task.__table__,
    Deal.__table__,
    Order.__table__,
    Payment.__table__,
    Ticket.__table__,
    TicketEvent.__table__,
    TicketStep.__table__,
    KbArticle.__table__,
]


def generate_demo(
    db: Database,
    lang: str,
    customers: int = 500,
    seed: int = 7,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> DemoSummary:
    """Write a small office's last two years into ``db``, in one transaction.

    Two teams (sales: a manager and four reps; service: a director and three agents) and an
    admin; ``customers`` companies and persons with contacts, tags, interactions up to now,
    follow-up tasks (overdue, due today, done), deals in every stage with orders and payments,
    and tickets in every status with their events. The same seed gives the same data relative
    to the current time. Users, teams and tags that exist are reused. ``progress(done, total)``
    is called as it goes; ``cancel()`` returning true stops it and nothing is written.

    Tickets follow the service-desk workflow in the office's business time (its calendar and
    SLA policy, see crmdesk.services.demo.service_desk): a step row for every status a ticket
    went through with its deadline and business seconds, an event for every move, comment,
    pause and missed deadline, response and resolution times, a revisit task once resolved,
    CSAT and NPS on most closed ones. Some open tickets are waiting for the customer and some
    are overdue now: the SLA checker marks those when the app starts. The knowledge base
    gets the demo articles, linked to the tickets they answer.
    """
    words = words_for(lang)
    check = _checker(cancel)
    rng = random.Random(seed)
    now = db.now()
    steps = customers + len(_DEMO_TABLES)
    calendar, policy = load_calendar(db), load_policy(db)
    with db.write() as s:
        conn = s.connection()
        calendar = office_calendar(conn, words) or calendar
        if s.get(Setting, followup.SETTINGS_KEY) is None:
            # The demo office uses the public pool, so the demo shows it at work.
            s.add(
                Setting(
                    key=followup.SETTINGS_KEY,
                    value=followup.FollowupSettings(pool_enabled=True).to_json(),
                )
            )
        ids = _Ids(_max_ids(conn, _DEMO_TABLES))
        staff, made_users = _staff(conn, ids, now, words)
        tag_ids, tag_rows, ids.values["tag"] = _tag_rows(conn, words, ids.values["tag"])
        _insert(conn, Tag.__table__, tag_rows, check)
        taken = set(conn.scalars(select(Customer.__table__.c.code)))
        planner = HistoryPlanner(calendar, policy, random.Random(seed + 1))
        gen = _Demo(rng, words, now, ids, staff, tag_ids, taken, planner)
        gen.service_team_id = staff["service_team"]
        articles(conn, gen, lang, now)
        for i in range(customers):
            gen.customer()
            if i % 25 == 24 or i == customers - 1:
                check()
                if progress is not None:
                    progress(i + 1, steps)
        gen.finish_tickets(taken_ticket_numbers(conn, range(now.year - 3, now.year + 1)))
        r = gen.rows
        plan = [
            (Customer.__table__, r.customers),
            (Contact.__table__, r.contacts),
            (customer_tag, r.customer_tags),
            (Deal.__table__, r.deals),
            (Order.__table__, r.orders),
            (Payment.__table__, r.payments),
            (Interaction.__table__, r.interactions),
            (Task.__table__, r.tasks),
            (Ticket.__table__, r.tickets),
            (TicketEvent.__table__, r.events),
            (TicketStep.__table__, r.steps),
            (KbArticle.__table__, r.articles),
            (ticket_article, r.ticket_articles),
        ]
        for j, (table, rows) in enumerate(plan):
            _insert(conn, table, rows, check)
            if progress is not None:
                progress(customers + j + 1, steps)
        _fix_sequences(conn, _DEMO_TABLES)
    if progress is not None:
        progress(steps, steps)
    return DemoSummary(
        users=made_users,
        customers=len(r.customers),
        contacts=len(r.contacts),
        tags=len(tag_rows),
        interactions=len(r.interactions),
        tasks=len(r.tasks),
        deals=len(r.deals),
        orders=len(r.orders),
        payments=len(r.payments),
        tickets=len(r.tickets),
        articles=len(r.articles),
    )
