"""Op names written without their dialect, resolved as MLIR 22 resolves them.

MLIR (AsmParser, OpAsmOpInterface::getDefaultDialect) completes a bare name such as
`yield` with the default dialect of the innermost enclosing op written in custom form:
"transform" inside `transform.sequence` and `transform.with_pdl_patterns`, "func"
inside `func.func`, "builtin" inside a module or at the top level, and none inside any
other op: `yield` in an `scf.for`, or `get_parent_op` in a `transform.named_sequence`
or a `transform.foreach` (ForeachOp defines getDefaultDialect without declaring the
interface), are errors. Ops in generic form pass the enclosing default through. xDSL
instead tries the dialect of every enclosing op, which accepts what MLIR rejects.
"""

from __future__ import annotations

from typing import Any

from xdsl.ir import Operation
from xdsl.parser import Parser

DEFAULT_DIALECTS = {
    "builtin.module": "builtin",
    "func.func": "func",
    "transform.sequence": "transform",
    "transform.with_pdl_patterns": "transform",
    "pdl.pattern": "pdl",
    "pdl.rewrite": "pdl",
    "async.func": "async",
    "shape.func": "shape",
    "shape.function_library": "shape",
}
"""Ops of MLIR 22 whose OpAsmOpInterface names a default dialect (BuiltinOps.td,
FuncOps.td, TransformOps.td, PDLExtensionOps.td, PDLOps.td, AsyncOps.td, ShapeOps.td)."""


class DefaultDialects(Parser):
    """Mixin for SpanRecordingParser, which keeps the name span of each op being parsed
    (`_name_spans`, innermost last) and can read its text (`text_of`)."""

    def op_in_default_dialect(self, name: str) -> type[Operation] | None:
        """The op a bare `name` stands for by MLIR's rule (an unregistered op of that name
        when the default dialect has none), or None when the rule does not apply here (a
        dotted name, or enclosing ops this parser did not read)."""
        default = self._default_dialect() if "." not in name else None
        if default is None:
            return None
        if default:
            # the lookup without xDSL's dialect-stack search or its unregistered fallback
            found = self.ctx._get_known_op(f"{default}.{name}")
            if found is not None:
                return found
        # Not an op of the default dialect: unknown, reported as such. The class is not
        # entered in the context, where it would shadow `func.return` & co. later on.
        if not self.ctx.allow_unregistered:
            self.raise_error(f"Operation {name} is not registered")
        from xdsl.dialects.builtin import UnregisteredOp

        return UnregisteredOp.with_name(name)

    default_dialect_base: tuple[int, str] | None = None
    """For a parser that starts inside ops it did not parse (the re-parse of one region,
    ir_studio.incremental): the dialect stack's length at the start and the default
    dialect there."""

    def _default_dialect(self) -> str | None:
        """The default dialect for the op being parsed, or None when the enclosing ops
        are not all known to this parser: xDSL's own lookup then."""
        spans: list[Any] = list(getattr(self, "_name_spans", ()))[:-1]
        base_length, default = self.default_dialect_base or (1, "builtin")  # the top level
        if len(spans) != len(self._parser_state.dialect_stack) - base_length:
            return None
        text_of = getattr(self, "text_of", None)
        if text_of is None:
            return None
        for span in spans:  # outermost first: a bare name is completed by the one before
            if span is None:
                return None
            written: str = text_of(span)
            if written.startswith('"'):
                continue  # generic form: transparent
            full = written if "." in written else f"{default}.{written}"
            default = DEFAULT_DIALECTS.get(full, "")
        return default


def default_inside(op_name: str) -> str:
    """The default dialect inside an op written in custom form (a re-parse inside an
    existing op assumes that form: the op's text is not at hand there)."""
    return DEFAULT_DIALECTS.get(op_name, "")
