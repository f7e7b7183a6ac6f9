"""Every sentence the service layer raises is in the GUI's translation catalog.

The services cannot import Qt, so their CrmError messages are templates with named
placeholders that crmdesk/qt/service_text.py lists for lupdate. This test reads both sides with
``ast`` (no Qt), so a new or changed sentence in a service fails here until it is catalogued
(and then ``tools/i18n.py check`` asks for its translation).
"""

from __future__ import annotations

import ast
import pickle
import string
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from crmdesk.errors import (
    BackupError,
    CrmError,
    DuplicateCustomerError,
    StaleEditError,
    ValidationError,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "crmdesk"
CATALOG = PACKAGE / "qt" / "service_text.py"


def _service_files() -> list[Path]:
    return [*sorted((PACKAGE / "services").rglob("*.py")), PACKAGE / "db.py", PACKAGE / "schema.py"]


@dataclass
class Found:
    templates: dict[str, str] = field(default_factory=dict)  # sentence -> where
    field_sentences: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """CrmError and every class that derives from it in the given modules."""
    names = {"CrmError"}
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {
                        b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                        for b in node.bases
                    }
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _callee(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _is_formatted(node: ast.expr) -> bool:
    """An f-string, "..." % x or "...".format(...): a sentence built before it is raised."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    )


def _enclosing_functions(tree: ast.Module) -> dict[ast.AST, ast.AST]:
    """Each node -> the innermost function (or module) that holds it."""
    owner: dict[ast.AST, ast.AST] = {}

    def visit(node: ast.AST, scope: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            owner[child] = scope
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else scope
            visit(child, inner)

    visit(tree, tree)
    return owner


def _field_values(dict_node: ast.expr, scope: ast.AST) -> list[ast.expr]:
    """The sentence expressions of a field_errors argument: a dict literal, or a local dict
    filled with ``errors = {...}`` / ``errors[key] = "..."``."""
    if isinstance(dict_node, ast.Dict):
        return list(dict_node.values)
    if not isinstance(dict_node, ast.Name):
        return []
    name = dict_node.id
    values: list[ast.expr] = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Name)
                    and target.id == name
                    and isinstance(node.value, ast.Dict)
                ):
                    values.extend(node.value.values)
                if (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == name
                    and node.value is not None
                ):
                    values.append(node.value)
    return values


def collect(sources: dict[str, str]) -> Found:
    """The sentences raised in ``sources`` ({label: python source})."""
    trees = {label: ast.parse(text) for label, text in sources.items()}
    errors_tree = ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8"))
    classes = _error_classes([errors_tree, *trees.values()])
    found = Found()
    for label, tree in trees.items():
        owner = _enclosing_functions(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _callee(node) not in classes or not node.args:
                continue
            where = f"{label}:{node.lineno}"
            first = node.args[0]
            keywords = {k.arg for k in node.keywords}
            if _is_formatted(first):
                found.problems.append(f"{where}: pass a template and params, not a built string")
            elif isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.templates[first.value] = where
                wanted = {n for _, n, _, _ in string.Formatter().parse(first.value) if n}
                if None not in keywords and wanted != keywords - {"field_errors", "existing_ids"}:
                    found.problems.append(
                        f"{where}: placeholders {sorted(wanted)} but params {sorted(keywords)}"
                    )
            field_arg = node.args[1] if len(node.args) > 1 else None
            for k in node.keywords:
                if k.arg == "field_errors":
                    field_arg = k.value
            if field_arg is None or _callee(node) != "ValidationError":
                continue
            for value in _field_values(field_arg, owner.get(node, tree)):
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.field_sentences[value.value] = where
                else:
                    found.problems.append(
                        f"{where}: field error {ast.unparse(value)} is not a plain sentence"
                    )
    return found


def catalog() -> set[str]:
    """The QT_TRANSLATE_NOOP("Services", "...") literals of crmdesk/qt/service_text.py."""
    out = set()
    for node in ast.walk(ast.parse(CATALOG.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and _callee(node) == "QT_TRANSLATE_NOOP"
            and len(node.args) == 2
            and all(isinstance(a, ast.Constant) for a in node.args)
            and node.args[0].value == "Services"  # type: ignore[attr-defined]
        ):
            out.add(node.args[1].value)  # type: ignore[attr-defined]
    return out


@pytest.fixture(scope="module")
def found() -> Found:
    return collect(
        {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in _service_files()}
    )


def test_services_raise_templates_not_built_strings(found: Found) -> None:
    assert found.problems == []


def test_every_service_sentence_is_in_the_catalog(found: Found) -> None:
    # The scan really sees the services (a broken scan would find nothing and pass).
    assert "This customer no longer exists." in found.templates
    assert "This is not an email address (like name@example.com)." in found.field_sentences
    assert "Required." in found.field_sentences
    known = catalog()
    missing = {
        s: where
        for s, where in {**found.templates, **found.field_sentences}.items()
        if s not in known
    }
    assert missing == {}


def test_the_catalog_holds_nothing_the_services_no_longer_say(found: Found) -> None:
    assert catalog() - set(found.templates) - set(found.field_sentences) == set()


def test_the_scan_catches_what_it_should() -> None:
    sample = """
from crmdesk.errors import CrmError, ValidationError

class Refused(CrmError):
    pass

def f(x, name):
    raise Refused(f"{name} is refused.")

def g(x):
    errors = {}
    errors["email"] = f"{x} is wrong."
    raise ValidationError("Uncatalogued {thing}.", errors)

def h(name):
    raise ValidationError("Bad {name}.", {"a": "Plain."}, name=name)
"""
    result = collect({"sample.py": sample})
    assert len(result.problems) == 3, result.problems
    assert any("sample.py:8" in p and "template" in p for p in result.problems)
    assert any("is not a plain sentence" in p for p in result.problems)
    assert any("placeholders ['thing']" in p for p in result.problems)
    assert set(result.templates) == {"Uncatalogued {thing}.", "Bad {name}."}
    assert result.field_sentences == {"Plain.": "sample.py:16"}


# ---------------------------------------------------------------------------------------------
# The errors themselves


def test_an_error_keeps_its_template_params_and_english_sentence() -> None:
    exc = StaleEditError("{name} was changed by someone else.", name="华为 {x}")
    assert str(exc) == "华为 {x} was changed by someone else."
    assert exc.template == "{name} was changed by someone else."
    assert exc.params == {"name": "华为 {x}"}
    assert isinstance(exc, CrmError)


def test_validation_and_duplicate_errors_keep_their_extra_fields() -> None:
    exc = ValidationError("The code {code} is already used.", {"code": "Used."}, code="C-1")
    assert str(exc) == "The code C-1 is already used."
    assert exc.field_errors == {"code": "Used."}
    assert ValidationError("Plain.").field_errors == {}
    dup = DuplicateCustomerError("{name} exists.", [3, 4], name="ACME")
    assert (str(dup), dup.existing_ids) == ("ACME exists.", [3, 4])
    assert DuplicateCustomerError("Exists.", existing_ids=[5]).existing_ids == [5]


def test_a_sentence_with_a_stray_brace_is_kept_as_it_is() -> None:
    assert str(BackupError("Disk said {oops}")) == "Disk said {oops}"


def test_errors_survive_pickling() -> None:
    for exc in (
        ValidationError("Bad {x}.", {"f": "Required."}, x="1"),
        DuplicateCustomerError("Dup.", [7]),
    ):
        back = pickle.loads(pickle.dumps(exc))
        assert (str(back), back.template, back.params) == (str(exc), exc.template, exc.params)
        assert back.__dict__ == exc.__dict__
