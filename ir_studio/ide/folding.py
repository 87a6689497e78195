"""Folding ranges: op regions, `// -----` chunks and blocks of `//` comments (line based)."""

from __future__ import annotations

from dataclasses import dataclass

from ir_studio.document import IRDocument


@dataclass(frozen=True)
class Fold:
    start_line: int
    end_line: int
    kind: str  # region, comment


def folding_ranges(document: IRDocument) -> list[Fold]:
    lines = document.lines
    folds: list[Fold] = []
    for placed in document.items:
        for record in placed.parsed.record.ops:
            if not record.op.regions:
                continue
            start = lines.position(placed.base + record.span.start).line
            end = lines.position(placed.base + record.span.end - 1).line
            if end > start:
                folds.append(Fold(start, end - 1, "region"))
    if len(document.chunks) > 1:
        for chunk in document.chunks:
            start = lines.position(chunk.chunk.start).line
            end = lines.position(max(chunk.chunk.start, chunk.chunk.end - 1)).line
            if end > start:
                folds.append(Fold(start, end, "region"))
    run_start: int | None = None
    for line in range(lines.line_count + 1):
        is_comment = (
            line < lines.line_count
            and lines.line_text(line).lstrip().startswith("//")
            and not lines.line_text(line).lstrip().startswith("// -----")
        )
        if is_comment and run_start is None:
            run_start = line
        elif not is_comment and run_start is not None:
            if line - 1 > run_start:
                folds.append(Fold(run_start, line - 1, "comment"))
            run_start = None
    folds.sort(key=lambda f: (f.start_line, -f.end_line))
    return folds
