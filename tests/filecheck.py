"""FileCheck for the tests: LLVM's FileCheck semantics through the maintained `filecheck`
package (PyPI; the Python clone xDSL's own tests use), so CHECK-NEXT, CHECK-NOT,
CHECK-LABEL, `{{regex}}` and `[[VAR:...]]` mean exactly what they mean upstream."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path


class CheckFailure(AssertionError):
    pass


def filecheck(text: str, directives: str) -> None:
    """Check `text` against FileCheck `directives` (indentation is ignored, as upstream)."""
    __tracebackhide__ = True
    with tempfile.TemporaryDirectory() as folder:
        checks = Path(folder) / "checks.txt"
        checks.write_text(directives)
        result = subprocess.run(
            [sys.executable, "-m", "filecheck", str(checks)],
            input=text, capture_output=True, text=True, timeout=60, check=False,
        )
    if result.returncode != 0:
        raise CheckFailure(f"{result.stdout}{result.stderr}\n--- input ---\n{text}")
