"""What people type, normalised: phones, company names, search text (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.services.search import query_terms
from crmdesk.services.text import (
    build_search_text,
    company_key,
    fold,
    is_valid_email,
    is_valid_phone,
    normalize_email,
    normalize_phone,
    search_key,
)

# ---------------------------------------------------------------------------------------------
# Phones


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "0086 13812345678",
        "0086-138-1234-5678",
        "8613812345678",
        "(+86) 138 1234 5678",
        "１３８１２３４５６７８",  # full-width digits from a Chinese IME
        "138 1234 5678 转 123",
        "138-1234-5678 ext. 9",
    ],
)
def test_every_spelling_of_a_mobile_number_gives_the_same_key(typed: str) -> None:
    assert normalize_phone(typed) == "13812345678"


@pytest.mark.parametrize(
    "typed",
    [
        "010-87654321",
        "010 8765 4321",
        "(010) 8765-4321",
        "（010）87654321",
        "+86 10 8765 4321",
        "+86-10-87654321",
        "0086 10 87654321",
    ],
)
def test_a_landline_keeps_its_area_code_whole(typed: str) -> None:
    assert normalize_phone(typed) == "01087654321"


def test_a_landline_with_a_three_digit_area_code_keeps_it() -> None:
    assert normalize_phone("0755-8888 6666") == "075588886666"
    assert normalize_phone("+86 755 8888 6666") == "075588886666"


@pytest.mark.parametrize("typed", ["400-800-8888", "400 800 8888", "4008008888", "400-8008888"])
def test_a_400_number_stays_whole(typed: str) -> None:
    assert normalize_phone(typed) == "4008008888"


def test_mobile_landline_and_400_numbers_never_collide() -> None:
    keys = {normalize_phone(p) for p in ("13812345678", "010-13812345", "400-138-1234")}
    assert len(keys) == 3


@pytest.mark.parametrize("typed", [None, "", "   ", "abc", "-"])
def test_no_digits_is_no_phone(typed: str | None) -> None:
    assert normalize_phone(typed) is None


@given(
    digits=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    prefix=st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "86"]),
    sep=st.sampled_from(["", " ", "-"]),
)
def test_any_formatting_of_a_mobile_gives_its_digits(digits: str, prefix: str, sep: str) -> None:
    typed = prefix + sep.join([digits[:3], digits[3:7], digits[7:]])
    assert normalize_phone(typed) == digits


@given(st.text(max_size=30))
def test_normalize_phone_never_fails_and_returns_only_digits(raw: str) -> None:
    key = normalize_phone(raw)
    assert key is None or key.isdigit()


def test_phone_validation_accepts_real_numbers_and_refuses_words() -> None:
    assert is_valid_phone("+86 138 1234 5678")
    assert is_valid_phone("010-87654321 转 8001")
    assert not is_valid_phone("call me")
    assert not is_valid_phone("123")


def test_emails_are_lower_cased_and_checked() -> None:
    assert normalize_email("  Wang.Fang@Example.COM ") == "wang.fang@example.com"
    assert normalize_email("") is None
    assert is_valid_email("wang.fang@example.com")
    assert not is_valid_email("wang.fang@example")
    assert not is_valid_email("wang fang@example.com")


# ---------------------------------------------------------------------------------------------
# Company names


@pytest.mark.parametrize(
    "name",
    [
        "华为技术",
        "华为技术有限公司",
        "华为技术股份有限公司",
        "华为技术有限责任公司",
        "(北京)华为技术有限公司",
        "（北京）华为技术有限公司",
        "华为技术（北京）有限公司",
        "华为技术(北京)",
        "华为技术 (北京)",
        "华为技术 有限公司",
        "华为技术有限公司（北京）",
        " 华 为 技 术 ",
        "华为技术集团有限公司",
    ],
)
def test_company_names_differing_only_by_legal_form_or_city_in_brackets_match(name: str) -> None:
    assert company_key(name) == "华为技术"


def test_a_city_written_into_the_name_is_part_of_the_name() -> None:
    # 北京华为技术 and 华为技术 may be different companies: only a bracketed city is dropped.
    assert company_key("北京华为技术有限公司") == "北京华为技术"
    assert company_key("北京华为技术有限公司") != company_key("上海华为技术有限公司")


def test_latin_company_names_drop_their_legal_form() -> None:
    assert company_key("Acme Trading Co., Ltd.") == company_key("ACME Trading Ltd")
    assert company_key("Acme Trading Co., Ltd.") == "acmetrading"
    assert company_key("Acme GmbH") == "acme"


def test_different_companies_keep_different_keys() -> None:
    assert company_key("恒通信息科技有限公司") != company_key("恒通网络科技有限公司")


@pytest.mark.parametrize("name", [None, ""])
def test_no_name_is_an_empty_key(name: str | None) -> None:
    assert company_key(name) == ""


_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_suffix = st.sampled_from(["", "有限公司", "股份有限公司", "集团有限公司", " 有限公司"])
_city = st.sampled_from(["", "(北京)", "（上海）", "(深圳)"])


@given(core=st.text(alphabet=_cjk, min_size=2, max_size=8), suffix=_suffix, city=_city)
def test_legal_form_and_bracketed_city_never_change_the_key(
    core: str, suffix: str, city: str
) -> None:
    # A core that itself ends in a suffix (…公司) is stripped too; compare with the bare core's key.
    assert company_key(city + core + suffix) == company_key(core)
    assert company_key(core + city + suffix) == company_key(core)


@given(core=st.text(alphabet=_cjk, min_size=2, max_size=8), suffix=_suffix)
def test_spacing_and_full_width_brackets_do_not_change_the_key(core: str, suffix: str) -> None:
    spaced = " ".join(core) + "　" + suffix
    assert company_key(spaced + "（北京）") == company_key(core + suffix + "(北京)")


@given(st.text(max_size=40))
def test_company_key_has_no_spaces_or_brackets(name: str) -> None:
    key = company_key(name)
    assert not any(ch in key for ch in " ()（）-·,.")


# ---------------------------------------------------------------------------------------------
# Search text


def test_search_key_spaces_cjk_and_folds_width_and_case() -> None:
    assert search_key("张伟") == "张 伟"
    assert search_key("北京ABC科技") == "北 京 abc 科 技"
    assert search_key("ＡＢＣ　１２３") == "abc 123"
    assert search_key("  Wang   Fang ") == "wang fang"


@given(st.text(max_size=60))
def test_search_key_is_idempotent(text: str) -> None:
    once = search_key(text)
    assert search_key(once) == once


@given(st.text(max_size=60))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_fields_in_the_search_text_are_kept_apart() -> None:
    stored = build_search_text(["张伟", None, "  ", "王芳"])
    assert stored.count("\u2502") == 1
    # A query cannot join the end of one field to the start of the next.
    assert "伟 王" not in stored


_name_chars = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "),
)


@given(name=st.text(alphabet=_name_chars, min_size=2, max_size=20), data=st.data())
def test_every_query_term_of_a_substring_is_inside_the_stored_text(name: str, data) -> None:  # noqa: ANN001
    """The pure half of "a substring finds the customer" (the database half is in test_search)."""
    start = data.draw(st.integers(0, len(name) - 1))
    end = data.draw(st.integers(start + 1, len(name)))
    stored = build_search_text([name])
    for term in query_terms(name[start:end]):
        assert term in stored
