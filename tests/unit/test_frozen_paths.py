"""Resources and migrations are found through one helper, from source and inside a bundle."""

from __future__ import annotations

import sys

from crmdesk import db as dbmod
from crmdesk import paths


def test_from_source_the_package_ships_what_the_app_reads():
    assert (paths.resource_path("i18n", "crmdesk_zh_CN.qm")).is_file()
    assert (paths.resource_path("icons", "crmdesk.svg")).is_file()
    assert (paths.resource_path("selftest", "customers.xlsx")).is_file()
    assert (dbmod.script_location() / "versions" / "0001_initial.py").is_file()
    assert not (dbmod.script_location() / "alembic.ini").exists()


def test_frozen_everything_is_read_from_the_bundle(tmp_path, monkeypatch):
    bundle = tmp_path / "_internal"
    (bundle / "crmdesk" / "resources" / "icons").mkdir(parents=True)
    (bundle / "crmdesk" / "migrations" / "versions").mkdir(parents=True)
    (bundle / "crmdesk" / "migrations" / "versions" / "0001_initial.py").write_text(
        'revision = "0001_initial"\ndown_revision = None\n', encoding="utf-8"
    )
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.resource_path("icons", "crmdesk.svg") == (
        bundle / "crmdesk" / "resources" / "icons" / "crmdesk.svg"
    )
    assert dbmod.script_location() == bundle / "crmdesk" / "migrations"
    assert dbmod.known_revisions() == {"0001_initial": ()}
