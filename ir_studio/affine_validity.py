"""Which values may be affine dimensions or symbols (Affine/IR/AffineOps.cpp:
isValidDim, isValidSymbol, verifyDimAndSymbolIdentifiers).

A symbol is fixed for the whole affine scope (a function body): a value defined at its
top level, a constant, an `affine.apply` of symbols. A dimension may also be an
`affine.for`/`affine.parallel` induction variable. A loop counter used as a symbol, or a
value computed inside a loop used as a bound, is an error in MLIR.

The answer is "valid" whenever the walk meets an op whose scope rules it does not know
(the cost of a wrong answer is a false error on valid IR, which is worse than a miss).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xdsl.dialects.builtin import UnregisteredOp
from xdsl.ir import Block, Operation, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineMap
from xdsl.utils.exceptions import VerifyException

SCOPES = frozenset({"func.func", "builtin.module", "gpu.func", "llvm.func"})
"""Ops with MLIR's AffineScope trait (their regions start a new scope)."""
NOT_SCOPES = frozenset({"affine.for", "affine.parallel", "affine.if", "scf.for",
                        "scf.parallel", "scf.while", "scf.if", "scf.forall"})
"""Ops known not to start a scope: values defined in them are not top-level."""
LOOPS = frozenset({"affine.for", "affine.parallel"})
CONSTANTS = frozenset({"arith.constant", "index.constant", "llvm.mlir.constant"})


def _owner_op(value: SSAValue) -> tuple[Block | None, Operation | None]:
    if isinstance(value.owner, Block):
        return value.owner, None
    return value.owner.parent_block(), value.owner


def _known_inner(block: Block | None) -> bool | None:
    """True: the block is inside a loop/if of a scope (not top-level); False: it is a
    top-level block of a scope; None: an op with unknown rules is in between."""
    op = block.parent_op() if block is not None else None
    if op is None or op.name in SCOPES:
        return False
    if op.name in NOT_SCOPES or isinstance(op, UnregisteredOp):
        return True
    return None


def valid_symbol(value: SSAValue) -> bool:
    block, op = _owner_op(value)
    inner = _known_inner(block)
    if inner is not True:
        return True
    if op is None:
        return False  # a loop counter or region argument below the scope
    if op.name in CONSTANTS:
        return True
    if op.name == "affine.apply":
        return all(valid_symbol(operand) for operand in op.operands)
    if op.name.endswith(".dim"):
        return True  # MLIR's dim rules depend on the shaped value: not judged here
    return False


def valid_dim(value: SSAValue) -> bool:
    if valid_symbol(value):
        return True
    block, op = _owner_op(value)
    if op is None:
        parent = block.parent_op() if block is not None else None
        return parent is not None and parent.name in LOOPS
    if op.name == "affine.apply":
        return all(valid_dim(operand) for operand in op.operands)
    return False


def _dims_and_symbols(operands: Sequence[SSAValue], num_dims: int) -> None:
    for index, operand in enumerate(operands):
        if index < num_dims:
            if not valid_dim(operand):
                raise VerifyException("operand cannot be used as a dimension id")
        elif not valid_symbol(operand):
            raise VerifyException("operand cannot be used as a symbol")


def _map(op: Operation, name: str) -> AffineMap | None:
    attribute = op.properties.get(name)
    return getattr(attribute, "data", None)


def _for(op: Operation) -> None:
    for operands, name in (("lowerBoundOperands", "lowerBoundMap"),
                           ("upperBoundOperands", "upperBoundMap")):
        bound = _map(op, name)
        if bound is not None:
            if any(isinstance(result, AffineConstantExpr)
                   and not -(1 << 63) <= result.value < 1 << 63 for result in bound.results):
                # A literal bound is an i64 IntegerAttr in MLIR's parser (parseBound).
                raise VerifyException("integer constant out of range for attribute")
            _dims_and_symbols(list(getattr(op, operands)), bound.num_dims)


def _parallel(op: Operation) -> None:
    """AffineParallelOp::verify: the lower bounds' operands, then the upper bounds'.
    ir-studio's custom parser makes every bound operand a symbol of its map (loops.py),
    so a symbol position may hold a dimension; an operand that is neither is the error
    (worded as MLIR words a bare `%x`, which is a dimension)."""
    lower, upper = _map(op, "lowerBoundsMap"), _map(op, "upperBoundsMap")
    if lower is None or upper is None:
        return
    split = lower.num_dims + lower.num_symbols
    for operands, dims in ((op.operands[:split], lower.num_dims),
                           (op.operands[split:], upper.num_dims)):
        for index, operand in enumerate(operands):
            if index < dims and not valid_dim(operand):
                raise VerifyException("operand cannot be used as a dimension id")
            if index >= dims and not (valid_symbol(operand) or valid_dim(operand)):
                raise VerifyException("operand cannot be used as a dimension id")


def _if(op: Operation) -> None:
    condition = _map(op, "condition")
    if condition is not None:
        _dims_and_symbols(list(op.operands), condition.num_dims)


def _indices(first: int) -> Callable[[Operation], None]:
    """Map operands of loads and stores must be valid dims or symbols. (xDSL reads every
    `%x` of `[%i + %n]` as a symbol of the access map, so the map cannot tell which role
    MLIR gives an operand; MLIR 22 words the error as for a dimension.)"""
    def check(op: Operation) -> None:
        for operand in op.operands[first:]:
            if not (valid_dim(operand) or valid_symbol(operand)):
                raise VerifyException("operand cannot be used as a dimension id")
    return check


AFFINE_VALIDITY: dict[str, Callable[[Operation], None]] = {
    "affine.for": _for,
    "affine.parallel": _parallel,
    "affine.if": _if,
    "affine.load": _indices(1),
    "affine.store": _indices(2),
    "affine.vector_load": _indices(1),
    "affine.vector_store": _indices(2),
}
