"""Exit codes are part of the CLI's API (README, "Exit codes")."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    DIAGNOSTICS = 1
    """The input has errors, a pass failed, or ir-studio hit an internal error."""
    USAGE = 2
    """Bad arguments, an unknown pass or pipeline, or an unreadable file."""
    INTERRUPTED = 130
