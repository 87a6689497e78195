"""MLIR's scf verifiers that ir-studio's ops lack (SCF.cpp, TensorOps.cpp), found by
benchmarks/mlir_oracle.py on MLIR's own Dialect/SCF/invalid.mlir: arguments of an
`scf.execute_region`, what an `scf.forall.in_parallel` may hold and insert into, and the
size of an `scf.forall` mapping. Merged into EXTRA_VERIFIERS by op name."""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import ArrayAttr, DenseArrayBase, UnregisteredOp
from xdsl.ir import BlockArgument, Operation
from xdsl.utils.exceptions import VerifyException

_COMBINING = frozenset({"tensor.parallel_insert_slice"})
"""Ops with ParallelCombiningOpInterface in MLIR 22."""


def _execute_region(op: Operation) -> None:
    """ExecuteRegionOp::verify."""
    if op.regions and op.regions[0].blocks and op.regions[0].blocks.first.args:  # pyright: ignore[reportOptionalMemberAccess]  # a non-empty block list has a first block
        raise VerifyException("region cannot have any arguments")


def _in_parallel(op: Operation) -> None:
    """InParallelOp::verify: the body holds parallel-combining ops only. Ops ir-studio
    does not know are left alone (they may implement the interface)."""
    for region in op.regions:
        for block in region.blocks:
            for inner in block.ops:
                if inner.name not in _COMBINING and not isinstance(inner, UnregisteredOp):
                    raise VerifyException("expected only ParallelCombiningOpInterface ops")


def _parallel_insert_slice(op: Operation) -> None:
    """ParallelInsertSliceOp::verify: the destination is a shared output of the forall."""
    combining = op.parent_op()
    forall = combining.parent_op() if combining is not None else None
    if combining is None or combining.name != "scf.forall.in_parallel" \
            or forall is None or forall.name != "scf.forall" or len(op.operands) < 2:
        return
    dest = op.operands[1]
    loops = _rank(forall)
    body = forall.regions[0].blocks.first if forall.regions else None
    if not isinstance(dest, BlockArgument) or dest.block is not body or dest.index < loops:
        raise VerifyException("may only insert into an output block argument")


def _rank(forall: Operation) -> int:
    bounds = forall.properties.get("staticUpperBound")
    return len(bounds.get_values()) if isinstance(bounds, DenseArrayBase) else 0


def _forall_mapping(op: Operation) -> None:
    """ForallOp::verify and DeviceMappingAttrInterface: one mapping entry per loop, and
    at most one `#gpu.mask`."""
    mapping = op.properties.get("mapping") or op.attributes.get("mapping")
    if not isinstance(mapping, ArrayAttr):
        return
    if len(mapping.data) != _rank(op):
        raise VerifyException("mapping attribute size must match op rank")
    if sum(1 for entry in mapping.data if str(entry).startswith("#gpu.mask")) > 1:
        raise VerifyException('"mapping" supports at most one device masking attribute')


SCF_CHECKS: dict[str, Callable[[Operation], None]] = {
    "scf.execute_region": _execute_region,
    "scf.forall.in_parallel": _in_parallel,
    "tensor.parallel_insert_slice": _parallel_insert_slice,
    "scf.forall": _forall_mapping,
}
