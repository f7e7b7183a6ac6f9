"""Translations: `python tools/i18n.py update` refreshes the .ts sources from the code,
`python tools/i18n.py compile` builds the .qm files the app loads, `check` fails if either is stale
or a message is untranslated.

Sources (.ts, edited with Qt Linguist or by hand) live in resources/i18n/; the compiled .qm files
ship inside the package (crmdesk/resources/i18n/).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "crmdesk" / "resources" / "i18n"
LANGS = ("zh_CN", "en")
SOURCES = [ROOT / "crmdesk" / "views", ROOT / "crmdesk" / "qt", ROOT / "crmdesk" / "app.py"]


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} was not found; install PySide6-Essentials.")
    return found


def ts_path(lang: str) -> Path:
    return TS_DIR / f"crmdesk_{lang}.ts"


def qm_path(lang: str) -> Path:
    return QM_DIR / f"crmdesk_{lang}.qm"


def _py_files() -> list[str]:
    files: list[str] = []
    for src in SOURCES:
        if src.is_dir():
            files.extend(str(p) for p in sorted(src.rglob("*.py")))
        elif src.exists():
            files.append(str(src))
    return files


def update(ts_dir: Path = TS_DIR) -> None:
    ts_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        target = ts_dir / f"crmdesk_{lang}.ts"
        subprocess.run(
            [
                _tool("lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                lang,
                *_py_files(),
                "-ts",
                str(target),
            ],
            check=True,
            capture_output=True,
        )


def compile_all(qm_dir: Path = QM_DIR) -> None:
    qm_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        subprocess.run(
            [
                _tool("lrelease"),
                "-silent",
                str(ts_path(lang)),
                "-qm",
                str(qm_dir / f"crmdesk_{lang}.qm"),
            ],
            check=True,
        )


def untranslated(lang: str) -> list[str]:
    """Source texts of messages that have no finished translation."""
    tree = ET.parse(ts_path(lang))
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        if tr is None or tr.get("type") in {"unfinished", "vanished", "obsolete"}:
            missing.append(source)
            continue
        forms = tr.findall("numerusform")
        if forms:
            if any(not (f.text or "").strip() for f in forms):
                missing.append(source)
        elif not (tr.text or "").strip():
            missing.append(source)
    return missing


_PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
# Service sentences (context "Services") are str.format templates: "{name} was changed…".
_NAMED = re.compile(r"\{\w+\}")
_MNEMONIC = re.compile(r"&(?!&)\w")


def _translations(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if tr is None:
        return []
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


def mismatches(lang: str, path: Path | None = None) -> list[str]:
    """Translations that lost or invented a placeholder (%1, %n, %Ln, {name}) or a menu
    mnemonic (&F)."""
    tree = ET.parse(path or ts_path(lang))
    problems = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            want = sorted(set(_PLACEHOLDER.findall(source)))
            want_named = sorted(set(_NAMED.findall(source)))
            mnemonic = bool(_MNEMONIC.search(source.replace("&&", "")))
            for text in _translations(message):
                if not text:
                    continue
                if sorted(set(_PLACEHOLDER.findall(text))) != want:
                    problems.append(f"[{name}] {source!r} -> {text!r}: placeholders differ")
                if sorted(set(_NAMED.findall(text))) != want_named:
                    problems.append(
                        f"[{name}] {source!r} -> {text!r}: {{named}} placeholders differ"
                    )
                if bool(_MNEMONIC.search(text.replace("&&", ""))) != mnemonic:
                    problems.append(f"[{name}] {source!r} -> {text!r}: mnemonic (&) differs")
    return problems


def count_messages(lang: str = "zh_CN") -> int:
    return sum(1 for _ in ET.parse(ts_path(lang)).iter("message"))


def _messages(path: Path) -> set[tuple[str, str]]:
    tree = ET.parse(path)
    out = set()
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.add((name, message.findtext("source") or ""))
    return out


def check() -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for lang in LANGS:
            shutil.copy(ts_path(lang), fresh / ts_path(lang).name)
        update(fresh)
        for lang in LANGS:
            new = _messages(fresh / ts_path(lang).name) - _messages(ts_path(lang))
            for ctx, src in sorted(new)[:20]:
                problems.append(f"{lang}: not in the .ts yet: [{ctx}] {src!r}")
        for lang in LANGS:
            for src in untranslated(lang)[:20]:
                problems.append(f"{lang}: untranslated: {src!r}")
            for text in mismatches(lang)[:20]:
                problems.append(f"{lang}: {text}")
        qm_fresh = fresh / "qm"
        compile_all(qm_fresh)
        for lang in LANGS:
            built = (qm_fresh / f"crmdesk_{lang}.qm").read_bytes()
            if not qm_path(lang).exists() or qm_path(lang).read_bytes() != built:
                problems.append(
                    f"{lang}: {qm_path(lang).name} is out of date; run tools/i18n.py compile"
                )
    return problems


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    if cmd == "update":
        update()
    elif cmd == "compile":
        compile_all()
    elif cmd == "check":
        problems = check()
        for p in problems:
            print(p)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
