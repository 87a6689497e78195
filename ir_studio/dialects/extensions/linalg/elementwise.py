"""Elementwise named linalg ops xDSL 0.74 lacks (`linalg.negf`, `div`, `abs`, `floor`,
...): each is xDSL's ElementwiseOperation with a hidden body applying one arith/math op,
so the named-op syntax and structured-op verifier apply; and the short form
`linalg.reduce { arith.addf } ins(...) outs(...) dimensions = [1]`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xdsl.dialects.builtin import AnyFloat
from xdsl.dialects.linalg.abstract_ops import ElementwiseOperation
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.irdl import irdl_op_definition
from xdsl.parser import Parser

# name -> (float op, integer op or None); the op's arity is the number of inputs
_UNARY = {
    "negf": ("arith.negf", None), "abs": ("math.absf", "math.absi"),
    "ceil": ("math.ceil", None), "floor": ("math.floor", None), "tanh": ("math.tanh", None),
    "erf": ("math.erf", None), "rsqrt": ("math.rsqrt", None), "round": ("math.round", None),
    "square": ("arith.mulf", "arith.muli"), "reciprocal": ("arith.divf", None),
}
_BINARY = {
    "div": ("arith.divf", "arith.divsi"), "div_unsigned": (None, "arith.divui"),
    "powf": ("math.powf", None),
}


def install() -> None:
    """The short form of `linalg.reduce`."""
    from xdsl.dialects.linalg.ops import ReduceOp

    parse_long = ReduceOp.parse.__func__

    def parse(cls: type[Any], parser: Parser) -> Any:
        if parser.parse_optional_punctuation("{") is None:
            return parse_long(cls, parser)
        name = parser.parse_identifier()
        attributes = dict(parser.parse_optional_attr_dict())
        parser.parse_punctuation("}")
        return _reduce_short_form(cls, parser, name, attributes)

    ReduceOp.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class


def ops() -> list[type[Operation]]:
    return list(_OPS)


def _reduce_short_form(cls: type[Any], parser: Parser, name: str,
                       attributes: dict[str, Any]) -> Any:
    from xdsl.dialects.builtin import DenseArrayBase, i64
    from xdsl.dialects.linalg.ops import YieldOp

    def typed_operand() -> SSAValue:
        parser.parse_punctuation("(")
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        resolved = parser.resolve_operand(value, parser.parse_type())
        parser.parse_punctuation(")")
        return resolved

    parser.parse_keyword("ins")
    source = typed_operand()
    parser.parse_keyword("outs")
    init = typed_operand()
    parser.parse_keyword("dimensions")
    parser.parse_punctuation("=")
    dims = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)
    element = init.type.get_element_type()  # pyright: ignore[reportAttributeAccessIssue]  # linalg.reduce's init is a tensor or memref
    op_class = parser.ctx.get_optional_op(name)
    if op_class is None:
        parser.raise_error(f"unknown operation '{name}' in the linalg.reduce short form")
    block = Block(arg_types=[element, element])
    definition = getattr(op_class, "get_irdl_definition", None)
    names = definition().properties if definition is not None else {}
    combined = op_class.build(  # pyright: ignore[reportAttributeAccessIssue]  # the context's ops are IRDL ops (build is IRDLOperation's)
        operands=[block.args[0], block.args[1]], result_types=[element],
        properties={k: v for k, v in attributes.items() if k in names},
        attributes={k: v for k, v in attributes.items() if k not in names})
    block.add_ops([combined, YieldOp(combined.results[0])])
    return cls(source, init, DenseArrayBase.from_list(i64, dims), Region(block))


def _elementwise(short_name: str, arity: int, float_op: str | None,
                 int_op: str | None) -> type[Operation]:
    class Elementwise(ElementwiseOperation):
        name = f"linalg.{short_name}"

        @classmethod
        def get_hidden_region(cls, inputs: Sequence[SSAValue],
                              outputs: Sequence[SSAValue]) -> Region:
            from xdsl.dialects.linalg.ops import YieldOp

            from ir_studio.context import shared_context

            arg_types = cls.body_arg_types((*inputs, *outputs))
            element = arg_types[-1]
            wanted = float_op if isinstance(element, AnyFloat) else int_op
            block = Block(arg_types=arg_types)
            op_class = shared_context().get_optional_op(wanted) if wanted else None
            if op_class is None:  # the verifier reports the bad element type
                block.add_op(YieldOp(block.args[0]))
                return Region(block)
            args = list(block.args[:arity])
            if short_name == "square":
                args = [block.args[0], block.args[0]]
            elif short_name == "reciprocal":
                from xdsl.dialects.arith import ConstantOp
                from xdsl.dialects.builtin import FloatAttr

                one = ConstantOp(FloatAttr(1.0, element))  # pyright: ignore[reportCallIssue, reportArgumentType]  # reciprocal has no integer form: element is a float here
                block.add_op(one)
                args = [one.result, block.args[0]]
            result = op_class.build(operands=args, result_types=[element])  # pyright: ignore[reportAttributeAccessIssue]  # the context's ops are IRDL ops (build is IRDLOperation's)
            block.add_ops([result, YieldOp(result.results[0])])
            return Region(block)

    Elementwise.__name__ = Elementwise.__qualname__ = (
        "".join(part.title() for part in short_name.split("_")) + "Op")
    return irdl_op_definition(Elementwise)


_OPS = (*(_elementwise(n, 1, f, i) for n, (f, i) in _UNARY.items()),
        *(_elementwise(n, 2, f, i) for n, (f, i) in _BINARY.items()))
