"""Checks MLIR's verifiers make that xDSL 0.74's do not, keyed by op name.

Each raises `VerifyException` with MLIR's wording, so `ir-studio check` agrees with
mlir-opt (see tests/differential).
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import ShapedType
from xdsl.ir import Operation
from xdsl.utils.exceptions import VerifyException

from ir_studio.affine_validity import AFFINE_VALIDITY
from ir_studio.arith_checks import ARITH_CHECKS
from ir_studio.dialects.extensions.llvm.constants import LLVM_CONSTANT_CHECKS
from ir_studio.dialects.extensions.llvm.function_checks import LLVM_FUNCTION_CHECKS
from ir_studio.dialects.extensions.llvm.global_checks import LLVM_GLOBAL_CHECKS
from ir_studio.memref_checks import MEMREF_CHECKS
from ir_studio.op_checks import OP_CHECKS
from ir_studio.pre_verifiers import region_edge_error
from ir_studio.region_checks import REGION_CHECKS
from ir_studio.scf_checks import SCF_CHECKS
from ir_studio.structural_checks import STRUCTURAL_CHECKS, linalg_result_check


def _yield_matches_parent(op: Operation) -> None:
    """scf.yield must forward exactly as many values as its parent produces."""
    parent = op.parent_op()
    # scf.for's own pre-verifier checks its yield.
    if parent is None or parent.name not in ("scf.if", "scf.while", "scf.index_switch"):
        return
    target = "parent"
    if parent.name == "scf.while" and op.parent_region() is parent.regions[1]:
        expected = len(parent.regions[0].blocks[0].args) if parent.regions[0].blocks else 0
        target = "Region #0"
    else:
        expected = len(parent.results)
    if len(op.operands) != expected:
        raise region_edge_error(parent, op, target, expected)


def _index_count(data_operand: int, first_index: int) -> Callable[[Operation], None]:
    def check(op: Operation) -> None:
        shaped = op.operands[data_operand].type
        if not isinstance(shaped, ShapedType):
            return
        indices = len(op.operands) - first_index
        if indices != shaped.get_num_dims():
            raise VerifyException("incorrect number of indices for extract_element"
                                  if op.name == "tensor.extract" else
                                  "incorrect number of indices")
    return check


EXTRA_VERIFIERS: dict[str, Callable[[Operation], None]] = {
    "scf.yield": _yield_matches_parent,
    "tensor.extract": _index_count(0, 1),
    "tensor.insert": _index_count(1, 2),
}


def _both(first: Callable[[Operation], None],
          second: Callable[[Operation], None]) -> Callable[[Operation], None]:
    def check(op: Operation) -> None:
        first(op)
        second(op)
    return check


for _table in (STRUCTURAL_CHECKS, OP_CHECKS, AFFINE_VALIDITY, REGION_CHECKS, ARITH_CHECKS,
               MEMREF_CHECKS, SCF_CHECKS, LLVM_FUNCTION_CHECKS, LLVM_CONSTANT_CHECKS,
               LLVM_GLOBAL_CHECKS):
    for _name, _check in _table.items():
        _earlier = EXTRA_VERIFIERS.get(_name)
        EXTRA_VERIFIERS[_name] = _check if _earlier is None else _both(_earlier, _check)


def verify_extra(op: Operation) -> None:
    check = EXTRA_VERIFIERS.get(op.name)
    if check is not None:
        check(op)
    by_prefix = linalg_result_check(op.name)
    if by_prefix is not None:
        by_prefix(op)
