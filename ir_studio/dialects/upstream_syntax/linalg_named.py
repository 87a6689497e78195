"""Named linalg contractions xDSL 0.74 leaves out (`batch_matmul`, `matvec`, `vecmat`,
`batch_matvec`, `dot`): each is `linalg.matmul` with its own indexing maps and loops,
so xDSL's named-op syntax and structured-op verifier (ranks and sizes against the maps)
apply unchanged."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr
from xdsl.dialects.linalg.abstract_ops import NamedOperation
from xdsl.dialects.linalg.attrs import IteratorTypeAttr
from xdsl.dialects.linalg.ops import MatmulOp
from xdsl.ir import Operation, Region, SSAValue
from xdsl.ir.affine import AffineMap
from xdsl.irdl import irdl_op_definition, prop_def
from xdsl.parser import Parser
from xdsl.printer import Printer


def install() -> None:
    """Idempotent: `linalg.matmul indexing_maps = [...] ins(...)`, MLIR 22's way to
    write a transposed or broadcast matmul (xDSL reads `ins` first and then fails)."""
    if getattr(MatmulOp, "_ir_studio_maps", False):
        return
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
    MatmulOp.print = print_op
    MatmulOp._ir_studio_maps = True  # pyright: ignore[reportAttributeAccessIssue]  # marks the class patched, so installing twice is a no-op


def extra_ops(dialect: str) -> list[type[Operation]]:
    return list(_OPS) if dialect == "linalg" else []


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
    _contraction("linalg.matvec",
                 _maps(lambda i, k: (i, k), lambda i, k: (k,), lambda i, k: (i,)), "pr"),
    _contraction("linalg.vecmat",
                 _maps(lambda j, k: (k,), lambda j, k: (k, j), lambda j, k: (j,)), "pr"),
    _contraction("linalg.batch_matvec",
                 _maps(lambda b, i, k: (b, i, k), lambda b, i, k: (b, k),
                       lambda b, i, k: (b, i)), "ppr"),
    _contraction("linalg.batch_reduce_matmul",
                 _maps(lambda b, i, j, k: (b, i, k), lambda b, i, j, k: (b, k, j),
                       lambda b, i, j, k: (i, j)), "rppr"),
    _contraction("linalg.dot",
                 _maps(lambda k: (k,), lambda k: (k,), lambda k: ()), "r"),
)
