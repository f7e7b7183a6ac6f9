"""crmdesk: a desktop CRM for small offices.

The application's identity lives here and only here: QSettings, the About box, window titles,
the log and data folders and the PyInstaller bundle (crmdesk.spec) all read these names.
"""

from __future__ import annotations

APP_NAME = "crmdesk"
APP_DISPLAY_NAME = "crmdesk"
ORG_NAME = "crmdesk"
ORG_DOMAIN = "crmdesk.app"
# macOS bundle identifier; also names the single-instance socket and lock.
BUNDLE_ID = "app.crmdesk.crmdesk"
DESCRIPTION = "A desktop CRM for small offices"
COPYRIGHT = "© crmdesk"


def _version() -> str:
    """The installed distribution's version (pyproject.toml is its one source).

    A frozen bundle carries the metadata too (crmdesk.spec copies it); a source tree that was
    never installed reads pyproject.toml; failing both, the version says it is unknown.
    """
    from importlib import metadata

    try:
        return metadata.version("crmdesk")
    except metadata.PackageNotFoundError:
        pass
    import re
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text("utf-8"), re.M)
    except OSError:
        found = None
    return found.group(1) if found else "0+unknown"


_cached_version: str | None = None


def __getattr__(name: str) -> str:
    # ``crmdesk.__version__`` is read on first use: importlib.metadata costs start-up time.
    global _cached_version
    if name == "__version__":
        if _cached_version is None:
            _cached_version = _version()
        return _cached_version
    raise AttributeError(f"module 'crmdesk' has no attribute {name!r}")


def version_tuple(version: str | None = None) -> tuple[int, int, int, int]:
    """The version as four numbers, as Windows version resources and Info.plist want them."""
    import re

    if version is None:
        version = __getattr__("__version__")

    release = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(n) for n in release.group(0).split(".")[:4]] if release else []
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]
