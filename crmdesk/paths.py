"""Where crmdesk keeps its files: one place that also works inside a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from crmdesk import APP_NAME, ORG_NAME


def package_dir() -> Path:
    """The crmdesk package folder (inside the bundle when frozen)."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "crmdesk"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    return package_dir().joinpath("resources", *parts)


def data_dir() -> Path:
    override = os.environ.get("CRMDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    """Backups live in their own folder, apart from the database file."""
    override = os.environ.get("CRMDESK_BACKUP_DIR")
    path = Path(override) if override else data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get("CRMDESK_LOG_DIR")
    path = Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "crmdesk.sqlite3"


def demo_database_path(lang: str) -> Path:
    return data_dir() / f"demo-{lang}.sqlite3"
