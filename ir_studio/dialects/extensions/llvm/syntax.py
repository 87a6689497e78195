"""The llvm dialect where xDSL 0.74 falls short of what MLIR's lowerings emit:
`llvm.icmp` on pointers, `llvm.select` on vectors, GEP no-wrap flags (`inbounds|nuw`),
and the ops `llvm.switch`, `llvm.mlir.poison`, `fptosi`/`fptoui`/`uitofp`,
`extractelement`, `atomicrmw` and the common intrinsics (`llvm.intr.smax(...)`)."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import llvm
from xdsl.dialects.builtin import (
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    IntegerAttr,
    IntegerType,
    SignlessIntegerConstraint,
    VectorType,
    i32,
)
from xdsl.ir import Block, Operation, SSAValue
from xdsl.irdl import (
    AnyAttr,
    AnyOf,
    AttrSizedOperandSegments,
    IRDLOperation,
    VarConstraint,
    base,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    successor_def,
    traits_def,
    var_operand_def,
    var_successor_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator, Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    parse_successor_with_operands,
    print_successor_with_operands,
    replace_constraints,
)


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    comparable = VarConstraint(
        "T", SignlessIntegerConstraint | VectorType.constr(SignlessIntegerConstraint)
        | base(llvm.LLVMPointerType) | VectorType.constr(base(llvm.LLVMPointerType)))
    replace_constraints(llvm.ICmpOp, {"lhs": comparable, "rhs": comparable})
    replace_constraints(llvm.SelectOp, {"cond": AnyAttr()})
    # MLIR's generic form writes `overflowFlags = 0 : i32` where xDSL wants
    # `#llvm.overflow<none>`.
    for cls in (llvm.AddOp, llvm.SubOp, llvm.MulOp, llvm.ShlOp, llvm.TruncOp):
        definition = cls.get_irdl_definition()
        old = definition.properties.get("overflowFlags")
        if old is None or isinstance(old.constr, AnyOf) or old.constr.verifies(
                IntegerAttr(0, 32)):
            continue  # already accepts the integer form
        definition.properties["overflowFlags"] = type(old)(
            AnyOf((old.constr, base(IntegerAttr))), old.default_value)
        cls.print = _print_with_flag_attr(cls.print)
    # Vector GEPs: a vector of indices gives a vector of pointers.
    replace_constraints(llvm.GEPOp, {"ssa_indices": AnyAttr(), "result": AnyAttr()})


def ops() -> list[type[Operation]]:
    from ir_studio.dialects.extensions.llvm.ops import LLVM_OPS

    return [SwitchOp, *LLVM_OPS]


@irdl_op_definition
class SwitchOp(IRDLOperation):
    """`llvm.switch %v : i32, ^default(%a : i32) [0: ^bb1, 1: ^bb2(%b : f32)]`"""

    name = "llvm.switch"
    value = operand_def(IntegerType)
    defaultOperands = var_operand_def()
    caseOperands = var_operand_def()
    case_values = opt_prop_def(DenseIntOrFPElementsAttr)
    case_operand_segments = prop_def(DenseArrayBase.constr(i32))
    defaultDestination = successor_def()
    caseDestinations = var_successor_def()
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(IsTerminator(), Pure())

    def verify_(self) -> None:
        cases = 0 if self.case_values is None else len(self.case_values.get_values())
        if cases != len(self.caseDestinations):
            raise VerifyException("expects number of case values to match number of case "
                                  "destinations")
        segments = self.case_operand_segments.get_values()
        if len(segments) != cases or sum(segments) != len(self.caseOperands):
            raise VerifyException("case operand segments do not match the case operands")
        groups = [(self.defaultDestination, list(self.defaultOperands))]
        start = 0
        for block, size in zip(self.caseDestinations, segments, strict=True):
            groups.append((block, list(self.caseOperands[start: start + size])))
            start += size
        for block, operands in groups:
            if [a.type for a in block.args] != [v.type for v in operands]:
                raise VerifyException("successor operand types do not match the types of "
                                      "the successor block's arguments")

    @classmethod
    def parse(cls, parser: Parser) -> SwitchOp:
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        value_type = parser.parse_type()
        parser.parse_punctuation(",")
        default, default_operands = parse_successor_with_operands(parser)
        cases: list[tuple[int, Block, list[SSAValue]]] = []

        def case() -> None:
            number = parser.parse_integer()
            parser.parse_punctuation(":")
            cases.append((number, *parse_successor_with_operands(parser)))

        parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, case)
        attributes = parser.parse_optional_attr_dict()
        properties: dict[str, Any] = {"case_operand_segments": DenseArrayBase.from_list(
            i32, [len(operands) for _, _, operands in cases])}
        if cases:
            properties["case_values"] = DenseIntOrFPElementsAttr.from_list(  # pyright: ignore[reportCallIssue]  # llvm.switch's value type is an integer type
                VectorType(value_type, [len(cases)]), [number for number, _, _ in cases])  # pyright: ignore[reportArgumentType]  # llvm.switch's value type is an integer type
        op = cls.build(
            operands=[parser.resolve_operand(value, value_type), default_operands,
                      [v for _, _, operands in cases for v in operands]],
            successors=[default, [block for _, block, _ in cases]],
            properties=properties, attributes=attributes)
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.value)
        printer.print_string(" : ")
        printer.print_attribute(self.value.type)
        printer.print_string(", ")
        print_successor_with_operands(printer, self.defaultDestination, list(self.defaultOperands))
        printer.print_string(" [")
        values = [] if self.case_values is None else list(self.case_values.get_values())
        start = 0
        with printer.indented():
            for index, (value, block, size) in enumerate(zip(
                    values, self.caseDestinations, self.case_operand_segments.get_values(),
                    strict=True)):
                printer.print_string(",\n" if index else "\n")
                printer.print_string(f"{value}: ")
                print_successor_with_operands(printer, block,
                                   list(self.caseOperands[start: start + size]))
                start += size
        printer.print_string("\n]")
        printer.print_op_attributes(self.attributes)



def _print_with_flag_attr(print_op: Any) -> Any:
    """Print an op read from MLIR's generic form (integer flags) in the custom form."""
    def print_flags(self: Any, printer: Any) -> None:
        flags = self.properties.get("overflowFlags")
        if not isinstance(flags, IntegerAttr):
            print_op(self, printer)
            return
        self.properties["overflowFlags"] = llvm.OverflowAttr.from_int(flags.value.data)
        try:
            print_op(self, printer)
        finally:
            self.properties["overflowFlags"] = flags

    return print_flags
