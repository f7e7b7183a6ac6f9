"""A module imported on first use, for the screens that are built before the database layer.

The customer list and the main window are built and painted while SQLAlchemy and the models
load on a worker (``crmdesk.app``). Their service modules are bound with ``lazy_module`` so that
importing the screens does not import the database layer; the first call into the service
imports it (waiting for the worker's import if it is under way, as any import does).

Plain ``importlib.import_module`` underneath, so imports from several threads are serialised
by Python's own import locks (``importlib.util.LazyLoader`` is not thread-safe on 3.11).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:  # noqa: ANN401 - whatever the module holds
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<lazy module {self._name!r}, {state}>"


def lazy_module(name: str) -> Any:  # noqa: ANN401 - typed by the caller's TYPE_CHECKING import
    """``name``, imported when one of its attributes is first read."""
    return LazyModule(name)
