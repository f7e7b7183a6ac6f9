"""The packaged app's entry point (see crmdesk.spec): the same ``crmdesk.cli.main`` that the
``crmdesk`` command runs, so the frozen app takes the same options (--self-test, migrate…)."""

import sys

from crmdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
