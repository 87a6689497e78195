"""The cluster id queries of `gpu.launch` bodies with clusters, which xDSL 0.74 lacks
(gpu-kernel-outlining emits them): `gpu.cluster_id x`, `gpu.cluster_dim y`,
`gpu.cluster_block_id z`, `gpu.cluster_dim_blocks x`, with an optional `upper_bound N`."""

from __future__ import annotations

from xdsl.dialects import gpu
from xdsl.dialects.builtin import IndexType, IntegerAttr
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure

from ir_studio.dialects.extensions.gpu.syntax import parse_id, print_id


def ops() -> list[type[Operation]]:
    return list(_OPS)


def _id_op(op_name: str) -> type[Operation]:
    class ClusterQuery(IRDLOperation):
        name = op_name
        dimension = prop_def(gpu.DimensionAttr)
        upper_bound = opt_prop_def(IntegerAttr)
        result = result_def(IndexType)
        traits = traits_def(Pure())

        @classmethod
        def parse(cls, parser: Parser) -> ClusterQuery:
            return parse_id(cls, parser)  # gpu.thread_id's syntax

        def print(self, printer: Printer) -> None:
            print_id(self, printer)

    ClusterQuery.__name__ = ClusterQuery.__qualname__ = "".join(
        part.title() for part in op_name.split(".")[1].split("_")) + "Op"
    return irdl_op_definition(ClusterQuery)


_OPS = tuple(_id_op(f"gpu.{name}") for name in
             ("cluster_id", "cluster_dim", "cluster_block_id", "cluster_dim_blocks"))
