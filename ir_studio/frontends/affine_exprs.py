"""Affine expressions as MLIR parses them: semi-affine products and divisions by
symbols are valid (`d0 * s0`, `d0 ceildiv s1`), products of two dimension terms and
divisions by them are errors with MLIR's messages.

xDSL's expression builders raise NotImplementedError for every non-constant operand,
which reached users as "internal error" and then as "undefined symbol alias" on every
use of the map. `CheckedAffineParser` applies MLIR's rule (AffineParser::getAffineBinaryOpExpr
in mlir/lib/AsmParser/AffineParser.cpp) and builds the semi-affine node itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import IndexType
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineMap, AffineSet
from xdsl.ir.affine.affine_expr import (
    AffineBinaryOpExpr,
    AffineBinaryOpKind,
    AffineDimExpr,
    AffineExpr,
)
from xdsl.parser import Parser
from xdsl.parser.affine_parser import AffineParser
from xdsl.parser.core import UnresolvedOperand
from xdsl.utils.exceptions import ParseError
from xdsl.utils.mlir_lexer import MLIRToken

_KINDS = {
    "*": AffineBinaryOpKind.Mul,
    "floordiv": AffineBinaryOpKind.FloorDiv,
    "ceildiv": AffineBinaryOpKind.CeilDiv,
    "mod": AffineBinaryOpKind.Mod,
}


def is_symbolic_or_constant(expr: AffineExpr) -> bool:
    """MLIR's AffineExpr::isSymbolicOrConstant: no dimension anywhere inside."""
    return not any(isinstance(node, AffineDimExpr) for node in expr.dfs())


class CheckedAffineParser(AffineParser):
    def _parse_affine_space(self) -> tuple[list[str], list[str]]:
        start = self._current_token.span
        dims, symbols = super()._parse_affine_space()
        seen: set[str] = set()
        for name in [*dims, *symbols]:
            if name in seen:
                raise ParseError(start, f"redefinition of identifier '{name}'")
            seen.add(name)
        return dims, symbols

    def _create_binop_expr(self, lhs: AffineExpr, rhs: AffineExpr,
                           binop: MLIRToken) -> AffineExpr:
        kind = _KINDS.get(binop.text)
        if kind is None:
            return super()._create_binop_expr(lhs, rhs, binop)
        # AffineParser::parseAffineHighPrecOpExpr reports at the next operator of the
        # chain when there is one (`d0 * d1 * 2` at the second `*`), else at this one.
        following = self._current_token
        at = following.span if following.text in _KINDS else binop.span
        if kind == AffineBinaryOpKind.Mul:
            if not is_symbolic_or_constant(lhs) and not is_symbolic_or_constant(rhs):
                raise ParseError(at, "non-affine expression: at least one of the "
                                 "multiply operands has to be either a constant or symbolic")
        elif not is_symbolic_or_constant(rhs):
            raise ParseError(at, f"non-affine expression: right operand of "
                             f"{binop.text} has to be either a constant or symbolic")
        try:
            return super()._create_binop_expr(lhs, rhs, binop)
        except NotImplementedError:
            # Semi-affine: keep the symbolic factor on the right, as MLIR prints it.
            if kind == AffineBinaryOpKind.Mul and is_symbolic_or_constant(lhs) \
                    and not is_symbolic_or_constant(rhs):
                lhs, rhs = rhs, lhs
            return AffineBinaryOpExpr(kind, lhs, rhs)


class CheckedAffineMaps(Parser):
    """Mixin for parsers: every affine map or set they read goes through the rules."""

    def parse_affine_map(self) -> AffineMap:
        return CheckedAffineParser(self._parser_state).parse_affine_map()

    def parse_affine_set(self) -> AffineSet:
        return CheckedAffineParser(self._parser_state).parse_affine_set()

    def parse_affine_map_of_ssa_ids(self) -> tuple[AffineMap, Sequence[SSAValue[IndexType]]]:
        affine_map, spans = CheckedAffineParser(self._parser_state).parse_affine_map_of_ssa_ids()
        operands = [self.resolve_operand(UnresolvedOperand(span, 0), IndexType())
                    for span in spans]
        return affine_map, operands
