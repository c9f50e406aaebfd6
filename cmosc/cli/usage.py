"""What every `cmosc` subcommand shares: exit codes, the usage error, the output flavour."""

import os

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments that argparse cannot see (e.g. a path that does not exist)."""


def github_annotations() -> bool:
    """Under GitHub Actions, diagnostics also become `::error` annotations on the diff."""
    return os.environ.get("GITHUB_ACTIONS") == "true"
