"""`linalg.map`, which xDSL 0.74 lacks: the long form with a mapper region (one block
argument per input and one for the init, as in MLIR 22) and the short form
`linalg.map { arith.addf } ins(...) outs(...)` mlir-opt prints when the mapper is a
single op on the inputs."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import MemRefType, TensorType
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    region_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_typed_operands


def install() -> None:
    """`linalg.index` may sit in any structured op's body, as in MLIR."""
    from xdsl.dialects.linalg.ops import IndexOp, ReduceOp
    from xdsl.traits import HasParent

    current = IndexOp.get_trait(HasParent)
    if current is None or MapOp in current.op_types:
        return
    widened = HasParent(*current.op_types, MapOp, ReduceOp)
    IndexOp.traits._traits = frozenset(  # OpTraits offers add_trait but no replace
        [*(t for t in IndexOp.traits if not isinstance(t, HasParent)), widened])


def ops() -> list[type[Operation]]:
    return [MapOp]


def _element(t: Any) -> Any:
    return t.element_type if isinstance(t, TensorType | MemRefType) else t


@irdl_op_definition
class MapOp(IRDLOperation):
    name = "linalg.map"
    inputs = var_operand_def(AnyAttr())
    init = operand_def(AnyAttr())
    result = var_result_def(AnyAttr())
    mapper = region_def("single_block")

    def verify_(self) -> None:
        operands = [*self.inputs, self.init]
        args = self.mapper.block.args
        if len(args) != len(operands):
            raise VerifyException(f"expects number of operands to match the arity of mapper, "
                                  f"but got: {len(operands)} and {len(args)}")
        init_type = self.init.type
        if not isinstance(init_type, TensorType | MemRefType):
            raise VerifyException(f"expected a tensor or memref init, got '{init_type}'")
        for value, arg in zip(operands, args, strict=True):
            if not isinstance(value.type, TensorType | MemRefType):
                raise VerifyException(f"expected tensors or memrefs, got '{value.type}'")
            if tuple(value.type.get_shape()) != tuple(init_type.get_shape()):
                raise VerifyException(f"expected shape of input ({value.type}) to match shape "
                                      f"of output ({init_type})")
            if _element(value.type) != arg.type:
                raise VerifyException(f"expected element type of input {_element(value.type)} "
                                      f"to match bbArg type {arg.type}")
        last = self.mapper.block.last_op
        if last is None or last.name != "linalg.yield" or [v.type for v in last.operands] != [
                _element(init_type)]:
            raise VerifyException("expected the mapper to yield one value of the init's "
                                  "element type")

    @classmethod
    def parse(cls, parser: Parser) -> MapOp:
        short: tuple[str, dict[str, Any]] | None = None
        if parser.parse_optional_punctuation("{") is not None:
            name = parser.parse_identifier()
            short = (name, dict(parser.parse_optional_attr_dict()))
            parser.parse_punctuation("}")
        inputs: list[SSAValue] = []
        if parser.parse_optional_keyword("ins") is not None:
            inputs = parse_typed_operands(parser)
        parser.parse_keyword("outs")
        [init] = parse_typed_operands(parser)
        attributes = parser.parse_optional_attr_dict()
        if short is None:
            arguments = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                          parser.parse_argument)
            mapper = parser.parse_region(arguments)
        else:
            mapper = _short_form_body(parser, short, inputs, init)
        results = [init.type] if isinstance(init.type, TensorType) else []
        return cls.create(operands=[*inputs, init], result_types=results,
                          attributes=attributes, regions=[mapper])

    def print(self, printer: Printer) -> None:
        if self.inputs:
            printer.print_string(" ins(")
            _print_typed(printer, list(self.inputs))
            printer.print_string(")")
        printer.print_string(" outs(")
        _print_typed(printer, [self.init])
        printer.print_string(")")
        printer.print_op_attributes(self.attributes)
        with printer.indented():
            printer.print_string("\n(")
            printer.print_list(self.mapper.block.args, printer.print_block_argument)
            printer.print_string(") ")
            printer.print_region(self.mapper, print_entry_block_args=False)


def _print_typed(printer: Printer, values: list[SSAValue]) -> None:
    printer.print_list(values, printer.print_operand)
    printer.print_string(" : ")
    printer.print_list([v.type for v in values], printer.print_attribute)


def _short_form_body(parser: Parser, short: tuple[str, dict[str, Any]],
                     inputs: list[SSAValue], init: SSAValue) -> Region:
    """`{ arith.addf }`: that op applied to the input elements, its result yielded."""
    from xdsl.dialects.linalg.ops import YieldOp

    name, attributes = short
    op_class = parser.ctx.get_optional_op(name)
    if op_class is None:
        parser.raise_error(f"unknown operation '{name}' in the linalg.map short form")
    block = Block(arg_types=[*(_element(v.type) for v in inputs), _element(init.type)])
    # The dictionary holds the op's inherent attributes, as `attr-dict` does.
    definition = getattr(op_class, "get_irdl_definition", None)
    names = definition().properties if definition is not None else {}
    properties = {k: v for k, v in attributes.items() if k in names}
    operation = op_class.build(  # pyright: ignore[reportAttributeAccessIssue]  # the context's ops are IRDL ops (build is IRDLOperation's)
        operands=list(block.args[: len(inputs)]), result_types=[_element(init.type)],
        properties=properties,
        attributes={k: v for k, v in attributes.items() if k not in names})
    block.add_ops([operation, YieldOp(operation.results[0])])
    return Region(block)
