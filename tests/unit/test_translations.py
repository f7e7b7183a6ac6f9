"""The zh_CN and en translations are complete, match the code and are compiled.

Runs ``tools/i18n.py check``: lupdate on a temporary copy of the .ts files finds no message the
.ts files lack, every message has a finished translation that keeps its placeholders and menu
mnemonics, and the shipped .qm files are exactly what lrelease builds from the .ts files.
"""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def i18n() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crmdesk_tools_i18n", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def test_translations_are_complete_current_and_compiled(i18n: ModuleType) -> None:
    assert i18n.check() == []


def test_both_languages_have_the_same_messages(i18n: ModuleType) -> None:
    zh = _messages(i18n.ts_path("zh_CN"))
    en = _messages(i18n.ts_path("en"))
    assert len(zh) > 300
    assert set(zh) == set(en)


def test_label_tables_and_plurals_are_extracted(i18n: ModuleType) -> None:
    zh = _messages(i18n.ts_path("zh_CN"))
    assert zh[("Labels", "Churn risk")].findtext("translation") == "流失预警客户"
    assert zh[("Labels", "Referral")].findtext("translation") == "转介绍"
    assert zh[("MainWindow", "&File")].findtext("translation") == "文件(&F)"
    plural = _messages(i18n.ts_path("en"))[("TicketsTab", "%n tickets")]
    assert plural.get("numerus") == "yes"
    forms = [f.text for f in plural.iter("numerusform")]
    assert forms == ["%n ticket", "%n tickets"]


def test_check_reports_a_lost_placeholder(i18n: ModuleType, tmp_path: Path) -> None:
    ts = tmp_path / "bad.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="zh_CN"><context>'
        "<name>X</name>"
        "<message><source>Backups: %1</source><translation>备份位置</translation></message>"
        "<message><source>&amp;File</source><translation>文件</translation></message>"
        "<message><source>Deals &amp;&amp; orders</source><translation>商机与订单</translation>"
        "</message></context></TS>",
        encoding="utf-8",
    )
    problems = i18n.mismatches("zh_CN", ts)
    assert len(problems) == 2
    assert "placeholders" in problems[0]
    assert "mnemonic" in problems[1]
