"""The ``upr`` command: Django's management commands under the product's own name.

``upr import upr-info FILE``, ``upr search …``, ``upr migrate`` … all go through here, so
users never need to know about ``manage.py`` or ``DJANGO_SETTINGS_MODULE``.
"""

from __future__ import annotations

import os
import sys

# Commands whose names are Python keywords or hold a dash are spelt naturally on the command line
# and mapped to management command names here.
ALIASES = {"import": "upr_import", "evaluate": "upr_evaluate", "check": "check"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "upr.web.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and args[1] in ALIASES:
        args[1] = ALIASES[args[1]]
    args[0] = "upr"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
