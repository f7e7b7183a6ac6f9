"""Writing a workbook safely: the target checked first, a temporary file beside it renamed at
the end, nothing left behind on failure or cancel."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmdesk.errors import CrmError


class ExportError(CrmError):
    """The file could not be written; nothing was left behind."""


@dataclass(frozen=True)
class ExportResult:
    rows: int
    path: Path


Progress = Callable[[int, int], None]


def _check_target(path: Path) -> Path:
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError("The folder {folder} does not exist.", folder=str(folder))
    if path.is_dir():
        raise ExportError("{path} is a folder; choose a file name.", path=str(path))
    return path.absolute()


def _file_mode() -> int:
    """The permissions a file created by a plain open() gets (mkstemp's are owner-only, which
    would hide a report from the colleagues it is for in a shared folder)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _save_atomically(wb: Any, path: Path) -> None:
    """Save ``wb`` beside ``path`` under a temporary name, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx.part", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except PermissionError as exc:
        raise ExportError(
            "{name} could not be written: it is open in another program or the folder is "
            "read-only. Close the file and try again.",
            name=path.name,
        ) from exc
    except OSError as exc:
        raise ExportError(
            "{name} could not be written: {reason}", name=path.name, reason=exc.strerror or exc
        ) from exc
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _discard(wb: Any) -> None:
    """Remove the temporary files openpyxl's write-only sheets stream into."""
    for ws in getattr(wb, "worksheets", ()):
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            rows = getattr(ws, "_rows", None)
            if rows is not None:
                rows.close()  # ends the sheet's XML stream before its file is closed
            writer.close()
            writer.cleanup()
        except (OSError, ValueError, AttributeError):
            pass
