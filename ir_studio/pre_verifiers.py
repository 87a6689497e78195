"""Checks that run before xDSL's own verifier of an op, keyed by op name.

Some of xDSL's verifiers assume what MLIR's verifier checks first (a memref where a
memref must be, as many indices as the rank) and raise AttributeError, IndexError or a
bare Exception on anything else, which users saw as "internal error while verifying".
These checks state MLIR's rule with MLIR's words (its C++ verifiers are cited) and stop
before xDSL's verifier would crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from xdsl.dialects.builtin import (
    DenseIntOrFPElementsAttr,
    IndexType,
    IntegerType,
    MemRefType,
    ShapedType,
    TensorType,
    UnrankedTensorType,
    UnregisteredOp,
    VectorType,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.utils.exceptions import VerifyException


class VerifyAtOp(VerifyException):
    """A verifier's error that MLIR reports on another op (a nested one, e.g. the
    `scf.reduce` of an `scf.parallel`); the diagnostic goes to that op."""

    def __init__(self, op: Operation, message: str,
                 note: tuple[Operation, str] | None = None) -> None:
        super().__init__(message)
        self.op = op
        self.note = note


def region_edge_error(parent: Operation, terminator: Operation, target: str,
                      expected: int) -> VerifyAtOp:
    """RegionBranchOpInterface's count check (verifyTypesAlongControlFlowEdges): on the
    parent op, with a note at the terminator."""
    return VerifyAtOp(parent, f"along control flow edge from Operation {terminator.name} to "
                              f"{target}: region branch point has {len(terminator.operands)} "
                              f"operands, but region successor needs {expected} inputs",
                      note=(terminator, "region branch point"))


def _scf_for_yield(op: Operation) -> None:
    """The body's scf.yield passes one value per loop-carried value back to the body
    (before xDSL's verifier words it differently)."""
    body = op.regions[0].blocks.first if op.regions and op.regions[0].blocks else None
    last = body.last_op if body is not None else None
    if body is None or last is None or last.name != "scf.yield":
        return
    carried = len(body.args) - 1
    if carried >= 0 and len(last.operands) != carried:
        raise region_edge_error(op, last, "Region #0", carried)


def _scf_parallel_reductions(op: Operation) -> None:
    """ParallelOp::verify: the i-th `scf.reduce` operand has the i-th result's type,
    reported on the scf.reduce."""
    body = op.regions[0].blocks.first if op.regions and op.regions[0].blocks else None
    reduce = body.last_op if body is not None else None
    if reduce is None or reduce.name != "scf.reduce":
        return
    for index, (result, operand) in enumerate(zip(op.results, reduce.operands, strict=False)):
        if result.type != operand.type:
            raise VerifyAtOp(reduce, f"expects type of {index}-th reduction operand: "
                                     f"'{operand.type}' to be the same as the {index}-th "
                                     f"result type: '{result.type}'")


def _scf_reduce_returns(op: Operation) -> None:
    """ReduceReturnOp::verify: the returned value has the type of the reduction body's
    arguments, reported on the scf.reduce.return."""
    for region in op.regions:
        block = region.blocks.first
        last = block.last_op if block is not None else None
        if block is None or last is None or last.name != "scf.reduce.return" \
                or not block.args or len(last.operands) != 1:
            continue
        expected = block.args[0].type
        if last.operands[0].type != expected:
            raise VerifyAtOp(last, f"must have type '{expected}' (the type of the "
                                   "reduction inputs)")


def _rank(value: SSAValue) -> int:
    return value.type.get_num_dims() if isinstance(value.type, MemRefType) else 0


def _all_index(values: Sequence[SSAValue]) -> bool:
    return all(isinstance(v.type, IndexType) for v in values)


def _dma_start(op: Operation) -> None:
    """DmaStartOp::verify (MemRefOps.cpp), operand by operand as MLIR walks them."""
    operands = op.operands
    count = len(operands)
    if count < 4:
        raise VerifyException("expected at least 4 operands")
    if not isinstance(operands[0].type, MemRefType):
        raise VerifyException("expected source to be of memref type")
    source_rank = _rank(operands[0])
    if count < source_rank + 4:
        raise VerifyException(f"expected at least {source_rank + 4} operands")
    if not _all_index(operands[1:1 + source_rank]):
        raise VerifyException("expected source indices to be of index type")
    dest = 1 + source_rank
    if not isinstance(operands[dest].type, MemRefType):
        raise VerifyException("expected destination to be of memref type")
    expected = source_rank + _rank(operands[dest]) + 4
    if count < expected:
        raise VerifyException(f"expected at least {expected} operands")
    if not _all_index(operands[dest + 1:dest + 1 + _rank(operands[dest])]):
        raise VerifyException("expected destination indices to be of index type")
    elements = dest + 1 + _rank(operands[dest])
    if not isinstance(operands[elements].type, IndexType):
        raise VerifyException("expected num elements to be of index type")
    tag = elements + 1
    if not isinstance(operands[tag].type, MemRefType):
        raise VerifyException("expected tag to be of memref type")
    expected += _rank(operands[tag])
    if count < expected:
        raise VerifyException(f"expected at least {expected} operands")
    if not _all_index(operands[tag + 1:tag + 1 + _rank(operands[tag])]):
        raise VerifyException("expected tag indices to be of index type")
    if count not in (expected, expected + 2):
        raise VerifyException("incorrect number of operands")
    if count == expected + 2 and not _all_index(operands[expected:]):
        raise VerifyException("expected stride and num elements per stride to be of type index")


def _dma_wait(op: Operation) -> None:
    """DmaWaitOp::verify."""
    if not op.operands or not isinstance(op.operands[0].type, MemRefType):
        raise VerifyException("expected tag to be of memref type")
    rank = _rank(op.operands[0])
    indices = len(op.operands) - 2
    if indices != rank:
        raise VerifyException(f"expected tagIndices to have the same number of elements as "
                              f"the tagMemRef rank, expected {rank}, but got {max(indices, 0)}")


def _index_count(memref: int, message: Callable[[int, int], str]) -> Callable[[Operation], None]:
    def check(op: Operation) -> None:
        if len(op.operands) <= memref:
            return
        shaped: Attribute = op.operands[memref].type
        if isinstance(shaped, ShapedType) and isinstance(shaped, MemRefType):
            indices = len(op.operands) - memref - 1
            if indices != shaped.get_num_dims():
                raise VerifyException(message(shaped.get_num_dims(), indices))
    return check


def _no_region_arguments(op: Operation) -> None:
    """The NoRegionArguments trait (scf.if, affine.if)."""
    for index, region in enumerate(op.regions):
        if region.blocks and region.blocks.first is not None and region.blocks.first.args:
            raise VerifyException(f"region #{index} should have no arguments")


def _operand_is_tensor(op: Operation) -> None:
    """ODS's AnyTensor operand (tensor.rank), before xDSL's verifier sees a scalar."""
    if op.operands and not isinstance(op.operands[0].type, TensorType | UnrankedTensorType):
        raise VerifyException(f"operand #0 must be tensor of any type values, but got "
                              f"'{op.operands[0].type}'")


def _same_type(first: str, second: str) -> Callable[[Operation], None]:
    """ODS's AllTypesMatch<[first, second]> on the first operand and first result."""
    def check(op: Operation) -> None:
        if op.operands and op.results and op.operands[0].type != op.results[0].type:
            raise VerifyException(f"failed to verify that all of {{{first}, {second}}} have "
                                  f"same type")
    return check


PRE_VERIFIERS: dict[str, Callable[[Operation], None]] = {
    "scf.parallel": _scf_parallel_reductions,
    "scf.for": _scf_for_yield,
    "scf.reduce": _scf_reduce_returns,
    "tensor.rank": _operand_is_tensor,
    "gpu.shuffle": _same_type("value", "shuffleResult"),
    "scf.if": _no_region_arguments,
    "affine.if": _no_region_arguments,
    "memref.dma_start": _dma_start,
    "memref.dma_wait": _dma_wait,
    "memref.load": _index_count(0, lambda rank, got: (
        f"incorrect number of indices for load, expected {rank} but got {got}")),
    "memref.store": _index_count(1, lambda rank, got: (
        "store index operand count not equal to memref rank")),
}


# Dialects whose every op (MLIR 22) ir-studio registers: another name in them is an
# error even with --allow-unregistered-dialect.
_CLOSED_DIALECTS = frozenset({"func", "cf"})


def _every_op(op: Operation) -> None:
    """Rules of Operation::verify / Region verification that hold for any op."""
    if isinstance(op, UnregisteredOp) and not op.op_name.data:
        raise VerifyException("empty operation name is invalid")
    if isinstance(op, UnregisteredOp) and "." in op.op_name.data:
        dialect = op.op_name.data.split(".", 1)[0]
        if dialect in _CLOSED_DIALECTS:
            raise VerifyException(f"unregistered operation '{op.op_name.data}' found in "
                                  f"dialect ('{dialect}') that does not allow unknown "
                                  "operations")
    for region in op.regions:
        if region.blocks and region.blocks.first is not None \
                and region.blocks.first.first_use is not None:
            raise VerifyException("entry block of region may not have predecessors")


_SPATIAL = re.compile(r"^linalg\.\w*?_(\d)d_")


def _window_attributes(op: Operation) -> None:
    """Convolution and pooling `strides`/`dilations`: ODS's RankedI64ElementsAttr<[N]>
    (N spatial dimensions), checked before xDSL unpacks them."""
    match = _SPATIAL.match(op.name)
    if match is not None:
        rank = int(match.group(1))
    elif op.name.startswith("linalg.pooling_") and op.operands and isinstance(
            op.operands[0].type, ShapedType):
        rank = op.operands[0].type.get_num_dims() - 2  # batch, channels, then the window
    else:
        return
    for name in ("strides", "dilations"):
        value = op.properties.get(name)
        if value is None:
            value = op.attributes.get(name)
        if value is None:
            continue
        value_type = value.get_type() if isinstance(value, DenseIntOrFPElementsAttr) else None
        shaped = isinstance(value_type, TensorType | VectorType)
        shape = list(value_type.get_shape()) if shaped else None
        element = value_type.element_type if shaped else None
        if shape != [rank] or element != IntegerType(64):
            raise VerifyException(f"attribute '{name}' failed to satisfy constraint: 64-bit "
                                  f"signless int elements attribute of shape [{rank}]")


def verify_before(op: Operation) -> None:
    _every_op(op)
    check = PRE_VERIFIERS.get(op.name)
    if check is not None:
        check(op)
    elif op.name.startswith("linalg."):
        _window_attributes(op)
