"""Run mlir-opt and ir-studio on the same file and reduce each to (verdict, error line)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ir_studio.document import build_document

CORPUS = Path(__file__).parent / "corpus"
_ERROR_LINE = re.compile(r"^(?:.*?):(\d+):(\d+): error:", re.MULTILINE)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    first_error_line: int | None
    message: str = ""


def mlir_opt_verdict(mlir_opt: str, path: Path) -> Verdict:
    result = subprocess.run(
        [mlir_opt, "--allow-unregistered-dialect", str(path), "-o", "/dev/null"],
        capture_output=True, text=True, timeout=60,
    )
    if result.returncode == 0:
        return Verdict(True, None)
    match = _ERROR_LINE.search(result.stderr)
    return Verdict(False, int(match.group(1)) if match else None, result.stderr.strip())


def ir_studio_verdict(path: Path) -> Verdict:
    document = build_document(str(path), 0, path.read_text())
    errors = [d for d in document.diagnostics if d.severity == 1]
    if not errors:
        return Verdict(True, None)
    first = min(errors, key=lambda d: d.span.start)
    line = document.lines.position(first.span.start).line + 1
    return Verdict(False, line, first.message)


def corpus_files(kind: str) -> list[Path]:
    return sorted((CORPUS / kind).glob("*.mlir"))
