"""llvm dialect ops MLIR's lowerings emit and xDSL 0.74 lacks, and the GEP no-wrap
flags. Enums xDSL has no attribute for (atomic ops and orderings) are stored as
MLIR's enum numbers."""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects import llvm
from xdsl.dialects.builtin import IntegerAttr, IntegerType, VectorType, i32, i64
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

from ir_studio.dialects.upstream_syntax.formats import consumed_end

ATOMIC_BIN_OPS = ("xchg", "add", "sub", "_and", "nand", "_or", "_xor", "max", "min", "umax",
                  "umin", "fadd", "fsub", "fmax", "fmin", "uinc_wrap", "udec_wrap",
                  "usub_cond", "usub_sat", "fmaximum", "fminimum")
ORDERINGS = {"not_atomic": 0, "unordered": 1, "monotonic": 2, "acquire": 4, "release": 5,
             "acq_rel": 6, "seq_cst": 7}
# GEPNoWrapFlags: `inbounds` implies `nusw`.
_GEP_FLAGS = {"inbounds": 3, "nusw": 2, "nuw": 4}

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

    @classmethod
    def parse(cls, parser: Parser) -> AtomicRMWOp:
        volatile = parser.parse_optional_keyword("volatile") is not None
        bin_op = _keyword_from(parser, ATOMIC_BIN_OPS)
        ptr = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        val = parser.parse_unresolved_operand()
        ordering = _keyword_from(parser, tuple(ORDERINGS))
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
        if volatile:
            attributes["volatile_"] = IntegerAttr(1, 1)
        return cls.create(operands=[parser.resolve_operand(ptr, ptr_type),
                                    parser.resolve_operand(val, val_type)],
                          result_types=[val_type], properties=properties,
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        attributes = dict(self.attributes)
        if attributes.pop("volatile_", None) is not None:
            printer.print_string(" volatile")
        orderings = {number: name for name, number in ORDERINGS.items()}
        printer.print_string(f" {ATOMIC_BIN_OPS[self.bin_op.value.data]} ")
        printer.print_operand(self.ptr)
        printer.print_string(", ")
        printer.print_operand(self.val)
        printer.print_string(f" {orderings.get(self.ordering.value.data, 'monotonic')}")
        extra = {name: value for name in ("syncscope", "alignment")
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


def _keyword_from(parser: Parser, choices: tuple[str, ...]) -> str:
    start = parser.pos
    word = parser.parse_identifier()
    if word not in choices:
        parser.raise_error(f"expected one of {', '.join(choices)}, got '{word}'", start,
                           consumed_end(parser))
    return word


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
    PoisonOp, FreezeOp, _cast("llvm.fptosi"), _cast("llvm.fptoui"), _cast("llvm.uitofp"),
    _cast("llvm.addrspacecast"),
    ExtractElementOp, AtomicRMWOp, *(_intrinsic(name, True) for name in INTRINSICS),
    *(_intrinsic(name, False) for name in GENERIC_INTRINSICS),
    *(_intrinsic(name, True, parenthesized=False) for name in BARE_INTRINSICS),
    MaskedScatterOp)


def install_gep_flags() -> None:
    """`getelementptr inbounds|nuw %p[...]`: MLIR 22's no-wrap flags (xDSL reads only a
    bare `inbounds`)."""
    if getattr(llvm.GEPOp, "_ir_studio_flags", False):
        return
    parse_rest = llvm.GEPOp.parse.__func__  # type: ignore[attr-defined]
    print_rest = llvm.GEPOp.print

    def parse(cls: type[llvm.GEPOp], parser: Parser) -> llvm.GEPOp:
        flags = 0
        while True:
            start = parser.pos
            word = None
            for name in _GEP_FLAGS:
                if parser.parse_optional_keyword(name) is not None:
                    word = name
                    break
            if word is None:
                if flags:
                    parser.raise_error("expected a no-wrap flag after '|'", start, start + 1)
                break
            flags |= _GEP_FLAGS[word]
            if parser.parse_optional_punctuation("|") is None:
                break
        op = parse_rest(cls, parser)
        op.properties["noWrapFlags"] = IntegerAttr(flags, i32)
        if flags & 1:
            op.properties["inbounds"] = llvm.UnitAttr()
        else:
            op.properties.pop("inbounds", None)
        return op

    def print_op(self: llvm.GEPOp, printer: Printer) -> None:
        flags = self.noWrapFlags.value.data
        if flags & 1 or self.inbounds is not None:
            words = ["inbounds"] + (["nuw"] if flags & 4 else [])
        else:
            words = [name for name, bit in (("nusw", 2), ("nuw", 4)) if flags & bit]
        if not words:
            print_rest(self, printer)
            return
        printer.print_string(" " + "|".join(words))
        saved = self.properties.pop("inbounds", None)
        try:
            print_rest(self, printer)
        finally:
            if saved is not None:
                self.properties["inbounds"] = saved

    llvm.GEPOp.parse = classmethod(parse)  # type: ignore[method-assign, assignment]
    llvm.GEPOp.print = print_op  # type: ignore[method-assign]
    llvm.GEPOp._ir_studio_flags = True  # type: ignore[attr-defined]


def install_volatile_load() -> None:
    """`llvm.load volatile %p : !llvm.ptr -> i32`: xDSL's load has no volatile flag."""
    if getattr(llvm.LoadOp, "_ir_studio_volatile", False):
        return
    from xdsl.dialects.builtin import UnitAttr
    from xdsl.irdl.operations import OptPropertyDef

    llvm.LoadOp.get_irdl_definition().properties.setdefault(
        "volatile_", OptPropertyDef(base_unit()))
    parse_rest = llvm.LoadOp.parse.__func__  # type: ignore[attr-defined]
    print_rest = llvm.LoadOp.print

    def parse(cls: type[llvm.LoadOp], parser: Parser) -> llvm.LoadOp:
        volatile = parser.parse_optional_keyword("volatile") is not None
        op = parse_rest(cls, parser)
        if volatile:
            op.properties["volatile_"] = UnitAttr()
        return op

    def print_op(self: llvm.LoadOp, printer: Printer) -> None:
        flag = self.properties.pop("volatile_", None)
        try:
            if flag is not None:
                printer.print_string(" volatile")
            print_rest(self, printer)
        finally:
            if flag is not None:
                self.properties["volatile_"] = flag

    llvm.LoadOp.parse = classmethod(parse)  # type: ignore[method-assign, assignment]
    llvm.LoadOp.print = print_op  # type: ignore[method-assign]
    llvm.LoadOp._ir_studio_volatile = True  # type: ignore[attr-defined]


def base_unit() -> Any:
    from xdsl.dialects.builtin import UnitAttr
    from xdsl.irdl import base

    return base(UnitAttr)


def install_branch_weights() -> None:
    """`llvm.cond_br %c weights([1, 99]), ^a, ^b(%x : i32)`: xDSL's cond_br has no
    weights. Parsed and printed here in full, with the weights as a property."""
    if getattr(llvm.CondBrOp, "_ir_studio_weights", False):
        return
    from xdsl.dialects.builtin import DenseArrayBase
    from xdsl.irdl import base
    from xdsl.irdl.operations import OptPropertyDef

    llvm.CondBrOp.get_irdl_definition().properties.setdefault(
        "branch_weights", OptPropertyDef(base(DenseArrayBase)))

    def destination(parser: Parser) -> tuple[Any, list[Any]]:
        block = parser.parse_successor()
        values: list[Any] = []
        if parser.parse_optional_punctuation("(") is not None:
            names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                      parser.parse_unresolved_operand)
            parser.parse_punctuation(":")
            types = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                      parser.parse_type)
            parser.parse_punctuation(")")
            values = [parser.resolve_operand(n, t) for n, t in zip(names, types, strict=True)]
        return block, values

    def parse(cls: type[llvm.CondBrOp], parser: Parser) -> llvm.CondBrOp:
        from xdsl.dialects.builtin import i1

        condition = parser.parse_operand(i1)
        weights = None
        if parser.parse_optional_keyword("weights") is not None:
            parser.parse_punctuation("(")
            numbers = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                        parser.parse_integer)
            parser.parse_punctuation(")")
            weights = DenseArrayBase.from_list(i32, numbers)
        parser.parse_punctuation(",")
        then_block, then_args = destination(parser)
        parser.parse_punctuation(",")
        else_block, else_args = destination(parser)
        attributes = parser.parse_optional_attr_dict()
        op = cls.build(operands=[condition, then_args, else_args],
                       successors=[then_block, else_block], attributes=attributes,
                       properties={"branch_weights": weights} if weights else {})
        return op

    def print_destination(printer: Printer, block: Any, values: Any) -> None:
        printer.print_block_name(block)
        if values:
            printer.print_string("(")
            printer.print_list(values, printer.print_operand)
            printer.print_string(" : ")
            printer.print_list([v.type for v in values], printer.print_attribute)
            printer.print_string(")")

    def print_op(self: llvm.CondBrOp, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.cond)
        weights = self.properties.get("branch_weights")
        if weights is not None:
            printer.print_string(f" weights({list(weights.get_values())})")
        printer.print_string(", ")
        print_destination(printer, self.then_block, self.then_arguments)
        printer.print_string(", ")
        print_destination(printer, self.else_block, self.else_arguments)
        printer.print_op_attributes(self.attributes)

    llvm.CondBrOp.parse = classmethod(parse)  # type: ignore[method-assign, assignment]
    llvm.CondBrOp.print = print_op  # type: ignore[method-assign]
    llvm.CondBrOp._ir_studio_weights = True  # type: ignore[attr-defined]
