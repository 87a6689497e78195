"""MLIR's custom syntax for the memref ops xDSL 0.74 parses in generic form only
(`memref.cast`, `copy`, `rank`, `memory_space_cast`, `extract_aligned_pointer_as_index`,
`alloca_scope`, `atomic_rmw`), plus the cast-compatibility check MLIR applies."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import memref
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    IndexType,
    IntegerAttr,
    MemRefType,
    UnrankedMemRefType,
    i64,
)
from xdsl.ir import Block
from xdsl.irdl import base
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    add_verifier,
    attach_format,
    attach_syntax,
    parse_optional_arrow_types,
    parse_word_from,
    print_optional_arrow_types,
    replace_constraints,
)

# MLIR's AtomicRMWKind, in its enum order (ArithBase.td; the property stores the number).
ATOMIC_KINDS = ("addf", "addi", "andi", "assign", "maximumf", "maxnumf", "maxs", "maxu",
                "minimumf", "minnumf", "mins", "minu", "mulf", "muli", "ori", "xori")


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    attach_format(memref.CastOp, "$source attr-dict `:` type($source) `to` type($dest)")
    attach_format(memref.MemorySpaceCastOp,
                  "$source attr-dict `:` type($source) `to` type($dest)")
    attach_format(memref.CopyOp, "$source `,` $destination attr-dict `:` type($source) "
                                 "`to` type($destination)")
    attach_format(memref.RankOp, "$source attr-dict `:` type($source)")
    attach_format(memref.ExtractAlignedPointerAsIndexOp,
                  "$source `:` type($source) `->` type($aligned_pointer) attr-dict")
    attach_format(memref.AllocaScopeReturnOp, "attr-dict ($ops^ `:` type($ops))?")
    attach_syntax(memref.AllocaScopeOp, _parse_alloca_scope, _print_alloca_scope)
    attach_syntax(memref.AtomicRMWOp, _parse_atomic_rmw, _print_atomic_rmw)
    add_verifier(memref.CastOp, _check_cast)
    any_memref = base(MemRefType) | base(UnrankedMemRefType)  # MLIR copies unranked too
    replace_constraints(memref.CopyOp, {"source": any_memref, "destination": any_memref})
    memref.CopyOp.verify_ = _verify_copy  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's verifier on xDSL's op class


def _verify_copy(op: memref.CopyOp) -> None:
    """Shapes are compared only when both sides are ranked (xDSL's check assumes so)."""
    source, target = op.source.type, op.destination.type
    if source.element_type != target.element_type:  # pyright: ignore[reportAttributeAccessIssue]  # operand constraints, verified before verify_, make it a shaped type
        raise VerifyException("Expected source and destination to have the same element "
                              "type.")
    if isinstance(source, MemRefType) and isinstance(target, MemRefType) and (
            len(source.get_shape()) != len(target.get_shape()) or any(
                a != b and DYNAMIC_INDEX not in (a, b)
                for a, b in zip(source.get_shape(), target.get_shape(), strict=True))):
        # MLIR: compatible shapes (a dynamic size matches any size)
        raise VerifyException("Expected source and destination to have the same shape.")


def _check_cast(op: memref.CastOp) -> None:
    source, dest = op.source.type, op.dest.type
    if not _cast_compatible(source, dest):
        raise VerifyException(f"operand type '{source}' and result type '{dest}' are cast "
                              "incompatible")


def _cast_compatible(source: Any, dest: Any) -> bool:
    """MLIR's rule without the layout part: same element type and memory space; ranked
    to ranked keeps the rank and each static size; unranked to unranked is refused."""
    if isinstance(source, UnrankedMemRefType) and isinstance(dest, UnrankedMemRefType):
        return False
    if source.element_type != dest.element_type or source.memory_space != dest.memory_space:
        return False
    if isinstance(source, MemRefType) and isinstance(dest, MemRefType):
        if source.get_num_dims() != dest.get_num_dims():
            return False
        return all(a == b or DYNAMIC_INDEX in (a, b)
                   for a, b in zip(source.get_shape(), dest.get_shape(), strict=True))
    return True


def _parse_alloca_scope(cls: type[memref.AllocaScopeOp], parser: Parser) -> memref.AllocaScopeOp:
    result_types = parse_optional_arrow_types(parser)
    body = parser.parse_region()
    attributes = parser.parse_optional_attr_dict()
    if not body.blocks:
        body.add_block(Block())
    block = body.blocks[-1]
    last = block.last_op
    if last is None or not isinstance(last, memref.AllocaScopeReturnOp):
        block.add_op(memref.AllocaScopeReturnOp.create())  # implicit when there are no results
    return cls.create(result_types=result_types, regions=[body], attributes=attributes)


def _print_alloca_scope(self: memref.AllocaScopeOp, printer: Printer) -> None:
    print_optional_arrow_types(printer, self.result_types)
    printer.print_string(" ")
    printer.print_region(self.scope, print_block_terminators=bool(self.res))
    printer.print_op_attributes(self.attributes)


def _parse_atomic_rmw(cls: type[memref.AtomicRMWOp], parser: Parser) -> memref.AtomicRMWOp:
    kind = parse_word_from(parser, ATOMIC_KINDS)
    value = parser.parse_unresolved_operand()
    parser.parse_punctuation(",")
    target = parser.parse_unresolved_operand()
    indices = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                parser.parse_unresolved_operand)
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    parser.parse_punctuation("(")
    value_type = parser.parse_type()
    parser.parse_punctuation(",")
    memref_type = parser.parse_type()
    parser.parse_punctuation(")")
    parser.parse_punctuation("->")
    result_type = parser.parse_type()
    operands = [parser.resolve_operand(value, value_type),
                parser.resolve_operand(target, memref_type),
                [parser.resolve_operand(index, IndexType()) for index in indices]]
    return cls.create(operands=[operands[0], operands[1], *operands[2]],
                      result_types=[result_type], attributes=attributes,
                      properties={"kind": IntegerAttr(ATOMIC_KINDS.index(kind), i64)})


def _print_atomic_rmw(self: memref.AtomicRMWOp, printer: Printer) -> None:
    kind = self.kind.value.data
    printer.print_string(f" {ATOMIC_KINDS[kind] if 0 <= kind < len(ATOMIC_KINDS) else kind} ")
    printer.print_operand(self.value)
    printer.print_string(", ")
    printer.print_operand(self.memref)
    printer.print_string("[")
    printer.print_list(self.indices, printer.print_operand)
    printer.print_string("]")
    printer.print_op_attributes(self.attributes)
    printer.print_string(" : (")
    printer.print_attribute(self.value.type)
    printer.print_string(", ")
    printer.print_attribute(self.memref.type)
    printer.print_string(") -> ")
    printer.print_attribute(self.result.type)

