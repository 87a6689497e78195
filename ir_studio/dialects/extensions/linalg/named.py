"""Named linalg contractions of LinalgStructuredOps.td that xDSL 0.74 leaves out
(`batch_matmul`, `batch_reduce_matmul`; the YAML-defined ones are generated, see
`generated.py`): each is `linalg.matmul` with its own indexing maps and loops,
so xDSL's named-op syntax and structured-op verifier (ranks and sizes against the maps)
apply unchanged."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from xdsl.dialects.builtin import AffineMapAttr, AnyFloat, ArrayAttr, IntegerType
from xdsl.dialects.linalg.abstract_ops import NamedOperation
from xdsl.dialects.linalg.attrs import IteratorTypeAttr
from xdsl.dialects.linalg.ops import MatmulOp
from xdsl.ir import Operation, Region, SSAValue
from xdsl.ir.affine import AffineMap
from xdsl.irdl import irdl_op_definition, prop_def
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.linalg.generated import GeneratedNamedOp, build_body


def install() -> None:
    """`linalg.matmul indexing_maps = [...] ins(...)`, MLIR 22's way to
    write a transposed or broadcast matmul (xDSL reads `ins` first and then fails)."""
    parse_rest = MatmulOp.parse.__func__
    print_rest = MatmulOp.print
    default = MatmulOp.get_irdl_definition().properties["indexing_maps"].default_value

    def parse(cls: type[Any], parser: Parser) -> Any:
        maps = None
        if parser.parse_optional_keyword("indexing_maps") is not None:
            parser.parse_punctuation("=")
            maps = parser.parse_attribute()
            if not isinstance(maps, ArrayAttr) or not all(
                    isinstance(m, AffineMapAttr) for m in maps.data):
                parser.raise_error("expected a list of affine maps")
        op = parse_rest(cls, parser)
        if maps is not None:
            op.properties["indexing_maps"] = maps
        return op

    def print_op(self: Any, printer: Printer) -> None:
        maps = self.properties.get("indexing_maps")
        if maps is not None and maps != default:
            printer.print_string(" indexing_maps = ")
            printer.print_attribute(maps)
        print_rest(self, printer)

    MatmulOp.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class
    xdsl_body = MatmulOp.get_hidden_region.__func__

    def hidden_region(cls: type[Any], inputs: Sequence[SSAValue],
                      outputs: Sequence[SSAValue]) -> Region:
        if all(isinstance(t, IntegerType | AnyFloat) for t in
               GeneratedNamedOp.body_arg_types((*inputs, *outputs))):
            return xdsl_body(cls, inputs, outputs)
        return _multiply_accumulate(cls, inputs, outputs)

    MatmulOp.get_hidden_region = classmethod(hidden_region)  # pyright: ignore[reportAttributeAccessIssue]  # MLIR's body for complex elements too
    MatmulOp.body_arg_types = staticmethod(GeneratedNamedOp.body_arg_types)
    MatmulOp.print = print_op


def _multiply_accumulate(cls: type[Any], inputs: Sequence[SSAValue],
                         outputs: Sequence[SSAValue]) -> Region:
    """MLIR's matmul body (casts to the accumulator type, multiply, add) for integer,
    float and complex elements: xDSL's asserts on complex numbers."""
    from ir_studio.dialects.extensions.linalg.named_table import SPECS

    return build_body(SPECS["matvec"], GeneratedNamedOp.body_arg_types((*inputs, *outputs)))


def ops() -> list[type[Operation]]:
    return list(_OPS)


def _maps(*functions: Callable[..., tuple[Any, ...]]) -> ArrayAttr[AffineMapAttr]:
    return ArrayAttr([AffineMapAttr(AffineMap.from_callable(f)) for f in functions])


def _contraction(op_name: str, maps: ArrayAttr[AffineMapAttr], loops: str) -> type[Operation]:
    """`loops` has one letter per loop: p(arallel) or r(eduction)."""

    class Contraction(NamedOperation):
        name = op_name
        LOOPS: ClassVar[str] = loops
        PRINT_ATTRS_IN_FRONT: ClassVar[bool] = True
        indexing_maps = prop_def(ArrayAttr[AffineMapAttr], default_value=maps)

        @classmethod
        def get_hidden_region(cls, inputs: Sequence[SSAValue],
                              outputs: Sequence[SSAValue]) -> Region:
            """linalg.matmul's multiply-accumulate body (xDSL's MatmulOp cannot be
            subclassed: its generated accessors are not field definitions)."""
            return MatmulOp.get_hidden_region(inputs, outputs)

        body_arg_types = staticmethod(GeneratedNamedOp.body_arg_types)

        def get_default_indexing_maps(self) -> Sequence[AffineMap]:
            return tuple(m.data for m in self.indexing_maps.data)

        def get_indexing_maps(self) -> ArrayAttr[AffineMapAttr]:
            return self.indexing_maps

        def get_iterator_types(self) -> ArrayAttr[IteratorTypeAttr]:
            return ArrayAttr([IteratorTypeAttr.parallel() if kind == "p"
                              else IteratorTypeAttr.reduction() for kind in self.LOOPS])

    Contraction.__name__ = Contraction.__qualname__ = (
        "".join(part.title() for part in op_name.split(".")[1].split("_")) + "Op")
    return irdl_op_definition(Contraction)


_OPS = (
    _contraction("linalg.batch_matmul",
                 _maps(lambda b, i, j, k: (b, i, k), lambda b, i, j, k: (b, k, j),
                       lambda b, i, j, k: (b, i, j)), "pppr"),
    _contraction("linalg.batch_reduce_matmul",
                 _maps(lambda b, i, j, k: (b, i, k), lambda b, i, j, k: (b, k, j),
                       lambda b, i, j, k: (i, j)), "rppr"),
)
