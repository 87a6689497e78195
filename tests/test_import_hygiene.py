"""The core never imports a front end's framework (design guide habit 6)."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "ir_studio.document", "ir_studio.index", "ir_studio.pipeline", "ir_studio.cli.main",
    "ir_studio.cli.check", "ir_studio.cli.lower",
]


def test_core_does_not_import_textual_or_pygls() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "bad = [m for m in ('textual', 'pygls', 'lsprotocol') if m in sys.modules]\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
