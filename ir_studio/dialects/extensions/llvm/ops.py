"""llvm dialect ops MLIR's lowerings emit and xDSL 0.74 lacks (the changes to xDSL's
own llvm ops are in llvm_patches). Enums xDSL has no attribute for (atomic ops and
orderings) are stored as MLIR's enum numbers."""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects import llvm
from xdsl.dialects.builtin import IntegerAttr, IntegerType, StringAttr, UnitAttr, VectorType, i64
from xdsl.ir import Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    ParsePropInAttrDict,
    VarConstraint,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import NoMemoryEffect, Pure

from ir_studio.dialects.extensions.formats import consumed_end, parse_word_from
from ir_studio.dialects.extensions.llvm.memory import ORDERINGS

ATOMIC_BIN_OPS = ("xchg", "add", "sub", "_and", "nand", "_or", "_xor", "max", "min", "umax",
                  "umin", "fadd", "fsub", "fmax", "fmin", "uinc_wrap", "udec_wrap",
                  "usub_cond", "usub_sat", "fmaximum", "fminimum")

# Intrinsics MLIR writes `llvm.intr.NAME(%a, %b) : (T, T) -> T` (checked with mlir-opt 22).
INTRINSICS = (
    "tanh", "tan", "exp10", "log10", "powi", "round", "roundeven", "trunc", "rint",
    "nearbyint", "fmuladd", "maximum", "minimum", "smax", "smin", "umax", "umin", "ctpop",
    "bitreverse", "bswap", "fshl", "fshr", "sadd.sat", "uadd.sat", "ssub.sat", "usub.sat",
    "lround", "llround", "lrint", "llrint", "ldexp", "vector.reduce.fmax",
    "vector.reduce.fmin", "vector.reduce.fmaximum", "vector.reduce.fminimum", "sincos",
)
# Intrinsics MLIR has no custom form for (immediate arguments, integer reductions):
# generic form only, in both directions.
GENERIC_INTRINSICS = (
    "abs", "ctlz", "cttz", "memcpy", "memmove", "memset", "vector.reduce.add",
    "vector.reduce.mul", "vector.reduce.and", "vector.reduce.or", "vector.reduce.xor",
    "vector.reduce.smax", "vector.reduce.smin", "vector.reduce.umax", "vector.reduce.umin",
)


@irdl_op_definition
class FreezeOp(IRDLOperation):
    name = "llvm.freeze"
    T: ClassVar = VarConstraint("T", AnyAttr())
    val = operand_def(T)
    res = result_def(T)
    traits = traits_def(Pure())
    assembly_format = "$val attr-dict `:` type($val)"


@irdl_op_definition
class PoisonOp(IRDLOperation):
    name = "llvm.mlir.poison"
    res = result_def(AnyAttr())
    traits = traits_def(Pure())
    assembly_format = "attr-dict `:` type($res)"


def _cast(op_name: str) -> type[Operation]:
    class Cast(llvm.GenericCastOp):
        name = op_name

    Cast.__name__ = Cast.__qualname__ = f"{op_name.split('.')[1].title()}Op"
    return irdl_op_definition(Cast)


@irdl_op_definition
class UIToFPOp(IRDLOperation):
    """`llvm.uitofp [nneg] %x : i32 to f32` (nneg: the operand is known non-negative)."""

    name = "llvm.uitofp"
    arg = operand_def()
    result = result_def()
    nonNeg = opt_prop_def(UnitAttr)
    traits = traits_def(NoMemoryEffect())
    assembly_format = "(`nneg` $nonNeg^)? $arg attr-dict `:` type($arg) `to` type($result)"


@irdl_op_definition
class ExtractElementOp(IRDLOperation):
    """`llvm.extractelement %v[%i : i64] : vector<4xf32>`"""

    name = "llvm.extractelement"
    vector = operand_def(VectorType)
    position = operand_def(IntegerType)
    res = result_def(AnyAttr())
    traits = traits_def(NoMemoryEffect())

    @classmethod
    def parse(cls, parser: Parser) -> ExtractElementOp:
        vector = parser.parse_unresolved_operand()
        parser.parse_punctuation("[")
        position = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        position_type = parser.parse_type()
        parser.parse_punctuation("]")
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        start = parser.pos
        vector_type = parser.parse_type()
        if not isinstance(vector_type, VectorType):
            parser.raise_error("expected a vector type", start, consumed_end(parser))
        return cls.create(operands=[parser.resolve_operand(vector, vector_type),
                                    parser.resolve_operand(position, position_type)],
                          result_types=[vector_type.element_type], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.vector)
        printer.print_string("[")
        printer.print_operand(self.position)
        printer.print_string(" : ")
        printer.print_attribute(self.position.type)
        printer.print_string("]")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.vector.type)


@irdl_op_definition
class AtomicRMWOp(IRDLOperation):
    """`llvm.atomicrmw fadd %ptr, %v monotonic : !llvm.ptr, f32`"""

    name = "llvm.atomicrmw"
    ptr = operand_def(llvm.LLVMPointerType)
    val = operand_def(AnyAttr())
    res = result_def(AnyAttr())
    bin_op = prop_def(IntegerAttr)
    ordering = prop_def(IntegerAttr)
    syncscope = opt_prop_def(AnyAttr())
    alignment = opt_prop_def(IntegerAttr)
    volatile_ = opt_prop_def(UnitAttr)

    @classmethod
    def parse(cls, parser: Parser) -> AtomicRMWOp:
        volatile = parser.parse_optional_keyword("volatile") is not None
        bin_op = parse_word_from(parser, ATOMIC_BIN_OPS)
        ptr = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        val = parser.parse_unresolved_operand()
        scope = None
        if parser.parse_optional_keyword("syncscope") is not None:
            parser.parse_punctuation("(")
            scope = StringAttr(parser.parse_str_literal())
            parser.parse_punctuation(")")
        ordering = parse_word_from(parser, tuple(ORDERINGS))
        attributes = dict(parser.parse_optional_attr_dict())
        parser.parse_punctuation(":")
        ptr_type = parser.parse_type()
        parser.parse_punctuation(",")
        val_type = parser.parse_type()
        properties: dict[str, Any] = {
            "bin_op": IntegerAttr(ATOMIC_BIN_OPS.index(bin_op), i64),
            "ordering": IntegerAttr(ORDERINGS[ordering], i64)}
        for name in ("syncscope", "alignment"):
            if name in attributes:
                properties[name] = attributes.pop(name)
        if scope is not None:
            properties["syncscope"] = scope
        if volatile:
            properties["volatile_"] = UnitAttr()
        return cls.create(operands=[parser.resolve_operand(ptr, ptr_type),
                                    parser.resolve_operand(val, val_type)],
                          result_types=[val_type], properties=properties,
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        attributes = dict(self.attributes)
        if (self.properties.get("volatile_") is not None
                or attributes.pop("volatile_", None) is not None):
            printer.print_string(" volatile")
        orderings = {number: name for name, number in ORDERINGS.items()}
        printer.print_string(f" {ATOMIC_BIN_OPS[self.bin_op.value.data]} ")
        printer.print_operand(self.ptr)
        printer.print_string(", ")
        printer.print_operand(self.val)
        scope = self.properties.get("syncscope")
        if isinstance(scope, StringAttr):
            printer.print_string(" syncscope(")
            printer.print_string_literal(scope.data)
            printer.print_string(")")
        printer.print_string(f" {orderings.get(self.ordering.value.data, 'monotonic')}")
        extra = {name: value for name in ("alignment",)
                 if (value := self.properties.get(name)) is not None}
        printer.print_op_attributes({**extra, **attributes})
        printer.print_string(" : ")
        printer.print_attribute(self.ptr.type)
        printer.print_string(", ")
        printer.print_attribute(self.val.type)


@irdl_op_definition
class MaskedScatterOp(IRDLOperation):
    """`llvm.intr.masked.scatter %v, %ptrs, %mask {alignment = 4 : i32} : vector<4xf32>,
    vector<4xi1> into vector<4x!llvm.ptr>`"""

    name = "llvm.intr.masked.scatter"
    value = operand_def(VectorType)
    ptrs = operand_def(VectorType)
    mask = operand_def(VectorType)
    alignment = prop_def(IntegerAttr)
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = ("$value `,` $ptrs `,` $mask attr-dict `:` type($value) `,` "
                       "type($mask) `into` type($ptrs)")


# Intrinsics MLIR writes without parentheses: `llvm.intr.masked.gather %p, %m, %v : (...)`.
BARE_INTRINSICS = ("masked.gather", "masked.load")


def _intrinsic(short_name: str, custom: bool, parenthesized: bool = True) -> type[Operation]:
    class Intrinsic(IRDLOperation):
        """An LLVM intrinsic: operands, properties and results as written."""

        name = f"llvm.intr.{short_name}"
        args = var_operand_def()
        res = var_result_def()
        # The properties MLIR gives the intrinsics above.
        fastmathFlags = opt_prop_def(AnyAttr())
        isVolatile = opt_prop_def(AnyAttr())
        is_zero_poison = opt_prop_def(AnyAttr())
        is_int_min_poison = opt_prop_def(AnyAttr())
        alignment = opt_prop_def(AnyAttr())
        irdl_options = (ParsePropInAttrDict(),)
        if custom and parenthesized:
            assembly_format = "`(` $args `)` attr-dict `:` functional-type($args, $res)"
        elif custom:
            assembly_format = "$args attr-dict `:` functional-type($args, $res)"

    Intrinsic.__name__ = Intrinsic.__qualname__ = (
        "".join(part.title() for part in short_name.replace(".", "_").split("_")) + "Op")
    return irdl_op_definition(Intrinsic)


LLVM_OPS: tuple[type[Operation], ...] = (
    PoisonOp, FreezeOp, _cast("llvm.fptosi"), _cast("llvm.fptoui"), UIToFPOp,
    _cast("llvm.addrspacecast"),
    ExtractElementOp, AtomicRMWOp, *(_intrinsic(name, True) for name in INTRINSICS),
    *(_intrinsic(name, False) for name in GENERIC_INTRINSICS),
    *(_intrinsic(name, True, parenthesized=False) for name in BARE_INTRINSICS),
    MaskedScatterOp)
