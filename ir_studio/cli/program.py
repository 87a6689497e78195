"""Turn a source file (.mlir or .toy) into one module, or diagnostics: shared by
`lower`, `run` and `check` so all three read files the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from xdsl.dialects.builtin import ModuleOp

from ir_studio.cli.inputs import SourceText
from ir_studio.diagnostics import Diagnostic
from ir_studio.source import LineIndex

if TYPE_CHECKING:
    from ir_studio.toy import ast_nodes as A


@dataclass
class Loaded:
    module: ModuleOp | None
    lines: LineIndex
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ast: A.Module | None = None
    chunks: int = 1


def is_toy(source: SourceText) -> bool:
    return source.name.endswith(".toy")


def load_program(source: SourceText) -> Loaded:
    """Parse (and for Toy, generate IR). `module` is None whenever there are errors."""
    lines = LineIndex(source.text)
    if source.problem is not None:
        return Loaded(None, lines, [source.problem])
    if is_toy(source):
        from ir_studio.toy.frontend import compile_toy

        program = compile_toy(source.text, source.name)
        return Loaded(program.module, lines, list(program.diagnostics), program.ast)
    from ir_studio.document import build_document

    document = build_document(source.name, 0, source.text)
    module = document.chunks[0].module if not document.diagnostics else None
    return Loaded(module, document.lines, list(document.diagnostics), chunks=len(document.chunks))
