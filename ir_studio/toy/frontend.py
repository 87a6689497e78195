"""Toy source -> AST -> toy-dialect module, with every problem as a Diagnostic.

This is the one entry point the CLI, the step checker and (later) the editor use for
`.toy` files, so they all agree on what a Toy error looks like and where it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.dialects.builtin import ModuleOp

from ir_studio.diagnostics import Diagnostic
from ir_studio.source import LineIndex, Span
from ir_studio.toy import ast_nodes as A
from ir_studio.toy.irgen import generate
from ir_studio.toy.lexer import Location
from ir_studio.toy.parser import ToyParseError, parse_toy


@dataclass(frozen=True)
class ToyProgram:
    """The result of reading a Toy file: what could be built and what went wrong."""

    ast: A.Module | None
    module: ModuleOp | None
    diagnostics: tuple[Diagnostic, ...]


def _span(index: LineIndex, text: str, loc: Location) -> Span:
    start = index.offset(loc.line - 1, loc.col - 1)
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return Span(start, max(end, start + 1))


def compile_toy(text: str, file: str) -> ToyProgram:
    """Parse and generate IR. A syntax error stops at the AST; generation errors are all
    reported (one per function), and then no module is returned."""
    index = LineIndex(text)
    try:
        ast = parse_toy(text, file)
    except ToyParseError as error:
        return ToyProgram(None, None, (Diagnostic(_span(index, text, error.loc), error.message),))
    result = generate(ast, file)
    if result.errors:
        diags = tuple(Diagnostic(_span(index, text, e.loc), e.message) for e in result.errors)
        return ToyProgram(ast, None, diags)
    problem = _verify(result.module, index, text)
    if problem is not None:
        return ToyProgram(ast, None, (problem,))
    return ToyProgram(ast, result.module, ())


def _verify(module: ModuleOp, index: LineIndex, text: str) -> Diagnostic | None:
    """IR generation should only build valid IR; if not, say where instead of crashing."""
    from xdsl.dialects.builtin import FileLineColLoc
    from xdsl.utils.exceptions import VerifyException

    for op in module.walk():
        try:
            op.verify(verify_nested_ops=False)
        except VerifyException as error:
            loc = op.location
            line, col = (
                (loc.line.data, loc.column.data) if isinstance(loc, FileLineColLoc) else (1, 1)
            )
            where = Location("", line, col)
            message = f"'{op.name}' op {str(error).splitlines()[0]}"
            return Diagnostic(_span(index, text, where), message)
    return None
