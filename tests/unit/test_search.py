"""Searching the customer list the way people type: Chinese names, fragments, symbols."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.services import Database, lookups
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery


def _find(db: Database, text: str) -> set[int]:
    rows = cs.list_customers(db, CustomerQuery(text=text), 0, 1000)
    assert cs.count_customers(db, CustomerQuery(text=text)).count == len(rows)
    return {r.id for r in rows}


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    vip, _ = lookups.create_tag(database, "重点客户", "level")
    specs = {
        "hengtong": (
            CustomerInput(name="北京恒通信息科技有限公司", city="北京", tag_ids=(vip.id,)),
            [
                ContactInput(name="张伟", phone="+86 138-1234-5678", email="zhang.wei@hengtong.cn"),
                ContactInput(name="李娜", phone="010-8765 4321"),
            ],
        ),
        "fangzhou": (
            CustomerInput(name="王芳工作室", kind="person", city="上海"),
            [ContactInput(name="王芳", phone="139 0000 1111", email="wangfang@qq.com")],
        ),
        "zhangweimao": (
            CustomerInput(name="张伟明贸易", city="深圳"),
            [ContactInput(name="张伟明", wechat="zwm_2024")],
        ),
        "acme": (
            CustomerInput(name="Acme Trading Co., Ltd.", city="Hong Kong"),
            [ContactInput(name="John Smith", email="john.smith@acme.example")],
        ),
        "weird": (
            CustomerInput(name='"Star" *Tech* (A-B) AND/OR NEAR 100%_off'),
            [],
        ),
        "plain100": (CustomerInput(name="百分百科技 100x off"), []),
        "kexue": (CustomerInput(name="科学仪器厂"), []),
    }
    return {
        key: cs.create_customer(database, data, contacts)[0]
        for key, (data, contacts) in specs.items()
    }


_CHINESE_TERMS_FIND_CUSTOMERS = [
    ("张伟", {"hengtong", "zhangweimao"}),  # two characters, a name
    ("张伟明", {"zhangweimao"}),  # three characters
    ("王芳", {"fangzhou"}),
    ("恒通信", {"hengtong"}),
    ("恒通", {"hengtong"}),
    ("科技", {"hengtong", "plain100"}),
    ("北京", {"hengtong"}),  # the city and the name both say 北京: found once
    ("重点客户", {"hengtong"}),  # a tag
    ("贸易", {"zhangweimao"}),
]


def test_chinese_terms_find_customers(database: Database, people: dict[str, int]) -> None:
    # One table per test: building the customers is the slow part.
    for query, expected in _CHINESE_TERMS_FIND_CUSTOMERS:
        assert _find(database, query) == {people[k] for k in expected}, query


_EMAILS_AND_PARTS_OF_THEM_FIND_CUSTOMERS = [
    ("zhang.wei@hengtong.cn", {"hengtong"}),
    ("ZHANG.WEI@HENGTONG.CN", {"hengtong"}),
    ("hengtong.cn", {"hengtong"}),
    ("wangfang@qq", {"fangzhou"}),
    ("@acme", {"acme"}),
]


def test_emails_and_parts_of_them_find_customers(
    database: Database, people: dict[str, int]
) -> None:
    # One table per test: building the customers is the slow part.
    for query, expected in _EMAILS_AND_PARTS_OF_THEM_FIND_CUSTOMERS:
        assert _find(database, query) == {people[k] for k in expected}, query


_PHONE_FRAGMENTS_FIND_CUSTOMERS = [
    ("1234", {"hengtong"}),
    ("12345678", {"hengtong"}),
    ("13812345678", {"hengtong"}),  # typed without the separators that were stored
    ("138-1234", {"hengtong"}),  # typed as stored
    ("87654321", {"hengtong"}),  # a landline
    ("01087654321", {"hengtong"}),
    ("0000 1111", {"fangzhou"}),  # two words: both must match
    ("1390000", {"fangzhou"}),
]


def test_phone_fragments_find_customers(database: Database, people: dict[str, int]) -> None:
    # One table per test: building the customers is the slow part.
    for query, expected in _PHONE_FRAGMENTS_FIND_CUSTOMERS:
        assert _find(database, query) == {people[k] for k in expected}, query


_EVERY_WORD_OF_A_QUERY_MUST_MATCH = [
    ("张伟 深圳", {"zhangweimao"}),
    ("张伟 北京", {"hengtong"}),
    ("张伟 上海", set()),
    ("acme smith", {"acme"}),
    ("Acme   Trading", {"acme"}),
    ("ACME ｔｒａｄｉｎｇ", {"acme"}),  # full width from an IME
    ("zwm_2024 张伟明", {"zhangweimao"}),
]


def test_every_word_of_a_query_must_match(database: Database, people: dict[str, int]) -> None:
    # One table per test: building the customers is the slow part.
    for query, expected in _EVERY_WORD_OF_A_QUERY_MUST_MATCH:
        assert _find(database, query) == {people[k] for k in expected}, query


_SEARCH_SYNTAX_CHARACTERS_ARE_PLAIN_TEXT = [
    ('"Star"', {"weird"}),
    ('"', {"weird"}),
    ('""', set()),
    ("*Tech*", {"weird"}),
    ("*", {"weird"}),
    ("(A-B)", {"weird"}),
    ("A-B", {"weird"}),
    ("-", {"weird", "hengtong"}),  # and the phone 138-1234-5678
    ("AND", {"weird"}),
    ("AND/OR", {"weird"}),
    ("OR", {"weird"}),
    ("NEAR", {"weird"}),
    ("NEAR(", set()),
    ("star NOT tech", set()),
    ("(", {"weird"}),
    (")", {"weird"}),
    ("tech)", set()),
    ("^", set()),
    ("{abc}", set()),
    ("name:star", set()),
    ("search_text:star", set()),
    ("'", set()),
    ("100%", {"weird"}),
    ("%", {"weird"}),
    ("_", {"weird", "zhangweimao"}),  # and the WeChat id zwm_2024
    ("%_", {"weird"}),
    ("0x", {"plain100"}),
    ("0%", {"weird"}),  # not "0x": wildcards are literal
    ("0_", set()),
    ("%off", set()),
    ("\\", set()),
]


def test_search_syntax_characters_are_plain_text(
    database: Database, people: dict[str, int]
) -> None:
    # One table per test: building the customers is the slow part.
    stored = {cid: _stored_text(database, cid) for cid in people.values()}
    for query, expected in _SEARCH_SYNTAX_CHARACTERS_ARE_PLAIN_TEXT:
        got = _find(database, query)
        assert got == {people[k] for k in expected}, query
        # Whatever the database's search syntax, the answer is what a literal match gives.
        literal = {
            cid for cid, text in stored.items() if all(w.casefold() in text for w in query.split())
        }
        assert got == literal, query


def _stored_text(db: Database, cid: int) -> str:
    from crmdesk.services.text import fold

    d = cs.get_customer(db, cid)
    parts = [d.name, d.code, d.city or ""]
    for k in d.contacts:
        parts += [k.name, k.phone or "", k.email or "", k.wechat or ""]
    parts += [t.name for t in d.tags]
    return "\n".join(fold(p) for p in parts)


_A_SINGLE_CHARACTER_IS_A_SEARCH_TOO = [
    ("张", {"hengtong", "zhangweimao"}),
    ("芳", {"fangzhou"}),
    ("x", {"plain100", "acme"}),  # 100x, acme.example
    ("q", {"fangzhou"}),  # wangfang@qq.com
    ("%", {"weird"}),
    ("学", {"kexue"}),
]


def test_a_single_character_is_a_search_too(database: Database, people: dict[str, int]) -> None:
    # One table per test: building the customers is the slow part.
    stored = {cid: _stored_text(database, cid) for cid in people.values()}
    for query, expected in _A_SINGLE_CHARACTER_IS_A_SEARCH_TOO:
        got = _find(database, query)
        assert got == {people[k] for k in expected}, query
        assert got == {cid for cid, text in stored.items() if query in text}, query


def test_an_empty_or_blank_query_lists_everyone(database: Database, people: dict[str, int]) -> None:
    assert _find(database, "") == set(people.values())
    assert _find(database, "   ") == set(people.values())
    assert _find(database, "\u3000") == set(people.values())


def test_search_follows_edits_of_contacts(database: Database, people: dict[str, int]) -> None:
    from dataclasses import replace

    from crmdesk.services import contacts as ks

    cid = people["hengtong"]
    contact = next(k for k in cs.get_customer(database, cid).contacts if k.name == "李娜")
    ks.update_contact(
        database, contact.id, contact.version, replace(contact.to_input(), name="赵敏")
    )
    assert _find(database, "赵敏") == {cid}
    assert _find(database, "李娜") == set()
    ks.set_contact_deleted(database, contact.id, True)
    assert _find(database, "赵敏") == set()
    assert _find(database, "87654321") == set()  # the deleted contact's phone went too
    assert _find(database, "恒通 张伟") == {cid}  # the rest still matches


def test_deleted_customers_are_found_only_in_the_trash(
    database: Database, people: dict[str, int]
) -> None:
    cs.delete_customers(database, [people["hengtong"]])
    assert _find(database, "恒通") == set()
    trash = cs.list_customers(database, CustomerQuery(text="恒通", trash=True))
    assert [r.id for r in trash] == [people["hengtong"]]


_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_latin = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_mixed = st.one_of(_cjk, _latin, st.just(" "))


def _substring(data: st.DataObject, name: str) -> str:
    start = data.draw(st.integers(0, len(name) - 1))
    end = data.draw(st.integers(start + 1, len(name)))
    return name[start:end]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(alphabet=_mixed, min_size=3, max_size=16).filter(str.strip), data=st.data())
def test_any_substring_of_a_name_finds_the_customer(
    database: Database, name: str, data: st.DataObject
) -> None:
    """Any 2+ Chinese characters or 3+ Latin ones cut out of a name find that customer."""
    cid, _ = cs.create_customer(database, CustomerInput(name=name))
    stored = cs.get_customer(database, cid).name
    part = _substring(data, stored)
    cjk = sum(1 for ch in part if "\u4e00" <= ch <= "\u9fa5")
    latin = sum(1 for ch in part if ch.isalnum() and ch.isascii())
    if cjk < 2 and latin < 3:
        part = stored  # too short to be a real search: use the whole name instead
    assert cid in _find(database, part), (stored, part)


def test_a_whole_long_email_matches_only_that_address(database: Database) -> None:
    """Long terms are narrowed by their beginning in the index, then checked whole."""
    wanted, _ = cs.create_customer(
        database,
        CustomerInput(name="永盛实业"),
        [ContactInput(name="韩建国", email="hanjianguo@yongshengchina.com.cn")],
    )
    cs.create_customer(
        database,
        CustomerInput(name="建国贸易"),
        [ContactInput(name="韩建国", email="hanjianguo@other-company.com")],
    )
    assert _find(database, "hanjianguo@yongshengchina.com.cn") == {wanted}
    assert len(_find(database, "hanjianguo@")) == 2
