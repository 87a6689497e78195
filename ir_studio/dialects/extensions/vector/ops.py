"""vector ops xDSL 0.74 lacks, with MLIR's syntax: outerproduct, multi_reduction,
gather, `vector.mask` around one op, and every form of `vector.print` (xDSL's takes a
source only). The shape and lane ops are in vector_shape_ops."""


from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import (
    DenseArrayBase,
    IndexType,
    MemRefType,
    StringAttr,
    TensorType,
    VectorType,
    i1,
    i64,
)
from xdsl.dialects.vector import CombiningKindAttr, CombiningKindFlag
from xdsl.ir import Block, Operation, SSAValue
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator, Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.vector.shape_ops import (
    SHAPE_OPS,
    i64_list,
    shape_of,
    typed_operand,
)

PUNCTUATION = ("no_punctuation", "newline", "comma", "open", "close")


@irdl_op_definition
class PrintOp(IRDLOperation):
    """`vector.print %v : vector<4xf32>`, `vector.print punctuation <open>`,
    `vector.print str "text"` (xDSL's takes a source only, and no custom form)."""

    name = "vector.print"
    source = opt_operand_def(AnyAttr())
    punctuation = opt_prop_def(AnyAttr())
    stringLiteral = opt_prop_def(StringAttr)

    @classmethod
    def parse(cls, parser: Parser) -> PrintOp:
        operands: list[SSAValue] = []
        source = parser.parse_optional_unresolved_operand()
        if source is not None:
            parser.parse_punctuation(":")
            operands.append(typed_operand(parser, source))
        properties: dict[str, Any] = {}
        if parser.parse_optional_keyword("punctuation") is not None:
            parser.parse_punctuation("<")
            start = parser.pos
            word = parser.parse_identifier()
            if word not in PUNCTUATION:
                parser.raise_error(f"expected one of {', '.join(PUNCTUATION)}", start,
                                   start + len(word))
            parser.parse_punctuation(">")
            properties["punctuation"] = StringAttr(word)
        if parser.parse_optional_keyword("str") is not None:
            properties["stringLiteral"] = StringAttr(parser.parse_str_literal())
        attributes = parser.parse_optional_attr_dict()
        return cls.create(operands=operands, properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        if self.source is not None:
            printer.print_string(" ")
            printer.print_operand(self.source)
            printer.print_string(" : ")
            printer.print_attribute(self.source.type)
        if self.punctuation is not None:
            text = str(self.punctuation)  # or MLIR's #vector.punctuation<newline>
            word = (self.punctuation.data if isinstance(self.punctuation, StringAttr)
                    else text[text.rfind("<") + 1: text.rfind(">")].split()[-1])
            if word != "newline":
                printer.print_string(f" punctuation <{word}>")
        if self.stringLiteral is not None:
            printer.print_string(" str ")
            printer.print_string_literal(self.stringLiteral.data)
        printer.print_op_attributes(self.attributes)


def ops() -> list[type[Operation]]:
    return [*SHAPE_OPS, *_OPS]


@irdl_op_definition
class OuterProductOp(IRDLOperation):
    """`vector.outerproduct %a, %b[, %acc] : vector<4xf32>, vector<8xf32>` (AXPY when
    the second operand is a scalar)."""

    name = "vector.outerproduct"
    lhs = operand_def(VectorType)
    rhs = operand_def(AnyAttr())
    acc = opt_operand_def(VectorType)
    result = result_def(VectorType)
    kind = prop_def(CombiningKindAttr)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        """OuterProductOp::verify (VectorOps.cpp): an outer product of two 1-d vectors,
        or an AXPY when the second operand is a scalar."""
        lhs, rhs, result = shape_of(self.lhs.type), shape_of(self.rhs.type), shape_of(
            self.result.type)
        if len(lhs) != 1:
            raise VerifyException("expected 1-d vector for operand #1")
        if isinstance(self.rhs.type, VectorType):
            if len(rhs) != 1:
                raise VerifyException("expected 1-d vector for operand #2")
            if len(result) != 2:
                raise VerifyException("expected 2-d vector result")
            if lhs[0] != result[0]:
                raise VerifyException("expected #1 operand dim to match result dim #1")
            if rhs[0] != result[1]:
                raise VerifyException("expected #2 operand dim to match result dim #2")
        else:
            if len(result) != 1:
                raise VerifyException("expected 1-d vector result")
            if lhs[0] != result[0]:
                raise VerifyException("expected #1 operand dim to match result dim #1")
        if self.acc is not None and self.acc.type != self.result.type:
            raise VerifyException("expected operand #3 of same type as result type")

    @classmethod
    def parse(cls, parser: Parser) -> OuterProductOp:
        names = [parser.parse_unresolved_operand()]
        while parser.parse_optional_punctuation(",") is not None:
            names.append(parser.parse_unresolved_operand())
        attributes = dict(parser.parse_optional_attr_dict())
        start = parser.pos
        parser.parse_punctuation(":")
        lhs_type = parser.parse_type()
        parser.parse_punctuation(",")
        rhs_type = parser.parse_type()
        if len(names) < 2:
            parser.raise_error("expected at least 2 operands", start, parser.pos)
        if not isinstance(lhs_type, VectorType):
            parser.raise_error("expected vector type for operand #1", start, parser.pos)
        result = VectorType(lhs_type.element_type, [*shape_of(lhs_type), *shape_of(rhs_type)])
        types = [lhs_type, rhs_type, result][: len(names)]
        kind = attributes.pop("kind", CombiningKindAttr(CombiningKindFlag.ADD))
        return cls.create(operands=[parser.resolve_operand(n, t)
                                    for n, t in zip(names, types, strict=True)],
                          result_types=[result], properties={"kind": kind},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list(self.operands, printer.print_operand)
        extra = dict(self.attributes)
        if self.kind.data != CombiningKindFlag.ADD:
            extra = {"kind": self.kind, **extra}
        printer.print_op_attributes(extra)
        printer.print_string(" : ")
        printer.print_list([self.lhs.type, self.rhs.type], printer.print_attribute)


@irdl_op_definition
class MultiDimReductionOp(IRDLOperation):
    """`vector.multi_reduction <add>, %v, %acc [1] : vector<4x8xf32> to vector<4xf32>`"""

    name = "vector.multi_reduction"
    source = operand_def(VectorType)
    acc = operand_def(AnyAttr())
    dest = result_def(AnyAttr())
    kind = prop_def(CombiningKindAttr)
    reduction_dims = prop_def(DenseArrayBase.constr(i64))
    traits = traits_def(Pure())

    def verify_(self) -> None:
        dims = set(self.reduction_dims.get_values())
        kept = [size for i, size in enumerate(shape_of(self.source.type)) if i not in dims]
        if shape_of(self.dest.type) != kept or self.acc.type != self.dest.type:
            raise VerifyException("destination type does not match the kept dimensions of "
                                  "the source")

    @classmethod
    def parse(cls, parser: Parser) -> MultiDimReductionOp:
        from ir_studio.dialects.extensions.vector.scalable_scan import parse_combining_kind

        kind = parse_combining_kind(parser)
        parser.parse_punctuation(",")
        source = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        acc = parser.parse_unresolved_operand()
        dims = i64_list(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source_v = typed_operand(parser, source)
        parser.parse_keyword("to")
        dest = parser.parse_type()
        return cls.create(operands=[source_v, parser.resolve_operand(acc, dest)],
                          result_types=[dest], attributes=attributes,
                          properties={"kind": CombiningKindAttr(kind),
                                      "reduction_dims": DenseArrayBase.from_list(i64, dims)})

    def print(self, printer: Printer) -> None:
        printer.print_string(f" <{self.kind.data}>, ")
        printer.print_list([self.source, self.acc], printer.print_operand)
        printer.print_string(f" {list(self.reduction_dims.get_values())}")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)
        printer.print_string(" to ")
        printer.print_attribute(self.dest.type)


@irdl_op_definition
class GatherOp(IRDLOperation):
    """`vector.gather %base[%i][%idx], %mask, %pass : memref<16xf32>, vector<4xindex>,
    vector<4xi1>, vector<4xf32> into vector<4xf32>`"""

    name = "vector.gather"
    base = operand_def(AnyAttr())
    indices = var_operand_def(IndexType)
    index_vec = operand_def(VectorType)
    mask = operand_def(VectorType)
    pass_thru = operand_def(VectorType)
    result = result_def(VectorType)

    def verify_(self) -> None:
        base = self.base.type
        if isinstance(base, MemRefType | TensorType) and len(self.indices) != len(
                base.get_shape()):
            raise VerifyException("requires an index for each base dimension")
        if self.pass_thru.type != self.result.type:
            raise VerifyException("expected pass_thru of same type as result type")

    @classmethod
    def parse(cls, parser: Parser) -> GatherOp:
        base = parser.parse_unresolved_operand()
        indices = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                    parser.parse_unresolved_operand)
        parser.parse_punctuation("[")
        index_vec = parser.parse_unresolved_operand()
        parser.parse_punctuation("]")
        parser.parse_punctuation(",")
        mask = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        pass_thru = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        types = [parser.parse_type()]
        for _ in range(3):
            parser.parse_punctuation(",")
            types.append(parser.parse_type())
        parser.parse_keyword("into")
        result = parser.parse_type()
        operands = [parser.resolve_operand(base, types[0]),
                    *(parser.resolve_operand(i, IndexType()) for i in indices),
                    parser.resolve_operand(index_vec, types[1]),
                    parser.resolve_operand(mask, types[2]),
                    parser.resolve_operand(pass_thru, types[3])]
        return cls.create(operands=operands, result_types=[result], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.base)
        printer.print_string("[")
        printer.print_list(self.indices, printer.print_operand)
        printer.print_string("] [")
        printer.print_operand(self.index_vec)
        printer.print_string("], ")
        printer.print_list([self.mask, self.pass_thru], printer.print_operand)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_list([self.base.type, self.index_vec.type, self.mask.type,
                            self.pass_thru.type], printer.print_attribute)
        printer.print_string(" into ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class MaskOp(IRDLOperation):
    """`vector.mask %m[, %passthru] { one op } : vector<4xi1> [-> result types]`"""

    name = "vector.mask"
    mask = operand_def(VectorType)
    passthru = opt_operand_def(AnyAttr())
    outputs = var_result_def()
    body = region_def("single_block")

    def verify_(self) -> None:
        ops = [op for op in self.body.block.ops if op.name != "vector.yield"]
        if len(ops) > 1:
            raise VerifyException("expects only one operation to mask")

    @classmethod
    def parse(cls, parser: Parser) -> MaskOp:
        mask = parser.parse_unresolved_operand()
        passthru = None
        if parser.parse_optional_punctuation(",") is not None:
            passthru = parser.parse_unresolved_operand()
        body = parser.parse_region()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        mask_type = parser.parse_type()
        results: list[Any] = []
        if parser.parse_optional_punctuation("->") is not None:
            results = parser.parse_optional_comma_separated_list(
                Parser.Delimiter.PAREN, parser.parse_type) or [parser.parse_type()]
        operands = [parser.resolve_operand(mask, mask_type)]
        if passthru is not None:
            operands.append(parser.resolve_operand(passthru, results[0] if results else i1))
        block = body.blocks[0] if body.blocks else Block()
        if not body.blocks:
            body.add_block(block)
        last = block.last_op
        if last is None or last.name != "vector.yield":
            block.add_op(_YieldOp.create(operands=list(last.results) if last else []))
        return cls.create(operands=operands, result_types=results, attributes=attributes,
                          regions=[body])

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list(self.operands, printer.print_operand)
        printer.print_string(" ")
        # the yield is implicit when it returns the masked op's results (MLIR's rule)
        block = self.body.blocks[0] if self.body.blocks else None
        last = block.last_op if block is not None else None
        masked = last.prev_op if last is not None else None
        implicit = last is not None and masked is not None and (
            tuple(last.operands) == tuple(masked.results))
        printer.print_region(self.body, print_block_terminators=not implicit and bool(
            last is not None and last.operands))
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.mask.type)
        if self.results:
            printer.print_string(" -> ")
            printer.print_list(self.result_types, printer.print_attribute)


@irdl_op_definition
class _YieldOp(IRDLOperation):
    """The implicit terminator of `vector.mask`."""

    name = "vector.yield"
    values = var_operand_def()
    traits = traits_def(IsTerminator())
    assembly_format = "attr-dict ($values^ `:` type($values))?"


_OPS = (PrintOp, OuterProductOp, MultiDimReductionOp, GatherOp, MaskOp, _YieldOp)
