"""`linalg.reduce` as MLIR 22 defines it: any number of inputs and as many inits
(xDSL 0.74's op takes exactly one of each), MLIR's verifier and both of its forms, the
long one with a region and the short one naming the combining op
(`linalg.reduce { arith.addf } ins(...) outs(...) dimensions = [1]`).

MLIR's operand groups share one variadic size (SameVariadicOperandSize): the generic
form carries no segment sizes, and each group holds half of the operands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xdsl.dialects.builtin import DenseArrayBase, MemRefType, TensorType, i64
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    prop_def,
    region_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_typed_operands


def ops() -> list[type[Operation]]:
    return [ReduceOp]


def _shape(value: SSAValue) -> tuple[int, ...]:
    t = value.type
    return tuple(t.get_shape()) if isinstance(t, TensorType | MemRefType) else ()


def _element(value: SSAValue) -> Any:
    t = value.type
    return t.element_type if isinstance(t, TensorType | MemRefType) else t


def _listed(values: Sequence[Any]) -> str:
    return ", ".join(str(v) for v in values)


@irdl_op_definition
class ReduceOp(IRDLOperation):
    """MLIR's Linalg_ReduceOp (LinalgStructuredOps.td)."""

    name = "linalg.reduce"
    operands_ = var_operand_def(AnyAttr())  # inputs then inits, as many of each
    result = var_result_def(AnyAttr())
    dimensions = prop_def(DenseArrayBase.constr(i64))
    combiner = region_def("single_block")

    @property
    def inputs(self) -> Sequence[SSAValue]:
        return self.operands[: len(self.operands) // 2]

    @property
    def outputs(self) -> Sequence[SSAValue]:
        """The inits, under the name ir-studio's structured-op checks read."""
        half = len(self.operands) // 2
        return self.operands[half: 2 * half]

    def verify_(self) -> None:
        for index, value in enumerate(self.operands):
            if not isinstance(value.type, TensorType | MemRefType):
                group = "inputs" if index < len(self.operands) // 2 else "inits"
                raise VerifyException(f"operand #{index} must be variadic of shaped of any "
                                      f"type values, but got '{value.type}' ({group})")
        for result in self.results:
            if not isinstance(result.type, TensorType):
                raise VerifyException(f"result #{result.index} must be variadic of ranked "
                                      f"tensor of any type values, but got '{result.type}'")
        inputs, inits = self.inputs, self.outputs
        if not inputs:
            return
        for group, values in (("inputs", inputs), ("outputs", inits)):
            for index, value in enumerate(values[1:], 1):
                if _shape(value) != _shape(values[0]):
                    kind = group[:-1]
                    raise VerifyException(
                        f"expects all {group} to have the same shapes. Shape at {kind}-index "
                        f"{index} is not equal to the shape at {kind}-index 0.")
        input_shape, init_shape = _shape(inputs[0]), _shape(inits[0])
        reduced = set(self.dimensions.get_values())
        for dimension in reduced:
            if not 0 <= dimension < len(input_shape):
                raise VerifyException(f"dimensions for reduction should be in the range "
                                      f"[0, {len(input_shape) - 1}].")
        kept = [size for index, size in enumerate(input_shape) if index not in reduced]
        if len(kept) != len(init_shape):
            raise VerifyException(f"number of dimensions after reduction {len(kept)} doesn't "
                                  f"match the init rank {len(init_shape)}")
        if tuple(kept) != init_shape:
            raise VerifyException(f"init dimensions [{_listed(init_shape)}] doesn't match "
                                  f"input dimensions after reduction [{_listed(kept)}]")
        args = self.combiner.block.args if self.combiner.blocks else ()
        if len(args) != len(self.operands):
            raise VerifyException("mismatching number of operands and block arguments")
        for value, arg in zip(inputs, args, strict=False):
            if _element(value) != arg.type:
                raise VerifyException(f"input element type '{_element(value)}' does not "
                                      f"match corresponding block argument type '{arg.type}'")
        for value, arg in zip(inits, args[len(args) - len(inits):], strict=True):
            if _element(value) != arg.type:
                raise VerifyException(f"output element type '{_element(value)}' does not "
                                      f"match corresponding block argument type '{arg.type}'")

    @classmethod
    def parse(cls, parser: Parser) -> ReduceOp:
        payload: tuple[str, dict[str, Any]] | None = None
        if parser.parse_optional_punctuation("{") is not None:
            payload = (parser.parse_identifier(), dict(parser.parse_optional_attr_dict()))
            parser.parse_punctuation("}")
        inputs: list[SSAValue] = []
        inits: list[SSAValue] = []
        if parser.parse_optional_keyword("ins") is not None:
            inputs = parse_typed_operands(parser)
        if parser.parse_optional_keyword("outs") is not None:
            inits = parse_typed_operands(parser)
        parser.parse_keyword("dimensions")
        parser.parse_punctuation("=")
        dimensions = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                       parser.parse_integer)
        attributes = dict(parser.parse_optional_attr_dict())
        if payload is None:
            args = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                     parser.parse_argument)
            region = parser.parse_region(args)
        else:
            region = _payload_region(parser, *payload, inputs, inits)
        return cls.create(
            operands=[*inputs, *inits],
            result_types=[v.type for v in inits if isinstance(v.type, TensorType)],
            properties={"dimensions": DenseArrayBase.from_list(i64, dimensions)},
            attributes=attributes, regions=[region])

    def print(self, printer: Printer) -> None:
        payload = _payload_op(self.combiner)
        if payload is not None:
            printer.print_string(f" {{ {payload.name}")
            shown = {**payload.properties, **payload.attributes}
            shown = {k: v for k, v in shown.items() if str(v) != "#arith.fastmath<none>"}
            printer.print_op_attributes(shown)
            printer.print_string(" }")
        for keyword, values in (("ins", self.inputs), ("outs", self.outputs)):
            if values:
                printer.print_string(f" {keyword}(")
                printer.print_list(values, printer.print_operand)
                printer.print_string(" : ")
                printer.print_list([v.type for v in values], printer.print_attribute)
                printer.print_string(")")
        printer.print_string(" dimensions = [")
        printer.print_list(self.dimensions.get_values(), printer.print_int)
        printer.print_string("]")
        printer.print_op_attributes(self.attributes)
        if payload is not None:
            return
        with printer.indented():
            printer.print_string("\n")
            printer.print_string("(")
            printer.print_list(self.combiner.block.args, printer.print_block_argument)
            printer.print_string(") ")
            printer.print_region(self.combiner, print_entry_block_args=False)


def _payload_region(parser: Parser, name: str, attributes: dict[str, Any],
                    inputs: Sequence[SSAValue], inits: Sequence[SSAValue]) -> Region:
    """The body of the short form: the named op applied to (init, inputs...), yielded
    (LinalgOps.cpp addBodyWithPayloadOp with initFirst)."""
    from xdsl.dialects.linalg.ops import YieldOp

    op_class = parser.ctx.get_optional_op(name)
    if op_class is None:
        parser.raise_error(f"unknown operation '{name}' in the linalg.reduce short form")
    elements = [_element(v) for v in (*inputs, *inits)]
    block = Block(arg_types=elements)
    args = list(block.args)
    operands = [*args[len(inputs):], *args[:len(inputs)]]
    definition = getattr(op_class, "get_irdl_definition", None)
    names = definition().properties if definition is not None else {}
    result_types = [_element(v) for v in inits[:1]]
    combined = op_class.create(
        operands=operands, result_types=result_types,
        properties={k: v for k, v in attributes.items() if k in names},
        attributes={k: v for k, v in attributes.items() if k not in names})
    block.add_ops([combined, YieldOp(*combined.results)])
    return Region(block)


def _payload_op(region: Region) -> Operation | None:
    """MLIR's findPayloadOp(initFirst): one op of (init, input) yielded as is (printed
    for one input and one init only, the case the short form is written for)."""
    if len(region.blocks) != 1:
        return None
    block = region.block
    ops = list(block.ops)
    if len(ops) != 2 or ops[1].name != "linalg.yield":
        return None
    payload, terminator = ops
    args = list(block.args)
    if (len(args) != 2 or len(payload.operands) != len(args) or len(payload.results) != 1
            or payload.regions or list(terminator.operands) != list(payload.results)):
        return None
    if payload.operands[-1] is not args[0] or any(
            operand is not arg for operand, arg in zip(payload.operands, args[1:],
                                                       strict=False)):
        return None
    return payload
