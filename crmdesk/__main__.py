"""``python -m crmdesk`` and the ``crmdesk`` command (see crmdesk.cli)."""

from __future__ import annotations

import sys

from crmdesk.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
