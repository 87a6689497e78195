"""Ch4 `toy-shape-inference`: make every tensor ranked, op by op, through `InfersShape`.

As in the tutorial: a worklist of ops with an unranked result; take one whose operands
are all ranked, ask it for its result type, repeat. Ops left over mean the program
cannot be shaped; that is an error at the first of them, not a silent partial result.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp, TensorType, UnrankedTensorType
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.rewriter import Rewriter
from xdsl.utils.exceptions import DiagnosticException

from ir_studio.toy import dialect as toy


def _needs_shape(op: Operation) -> bool:
    return any(isinstance(r.type, UnrankedTensorType) for r in op.results)


def _ready(op: Operation) -> bool:
    return all(not isinstance(v.type, UnrankedTensorType) for v in op.operands)


def infer_shapes(func: toy.FuncOp) -> list[Operation]:
    """Rank every result in `func`; returns the ops that could not be inferred."""
    worklist = [op for op in func.walk() if _needs_shape(op)]
    while worklist:
        ready = next((op for op in worklist if _ready(op)), None)
        if ready is None:
            break
        worklist.remove(ready)
        if not isinstance(ready, toy.InfersShape):
            return [ready, *worklist]
        new_type = ready.infer_result_type()
        if new_type is None or not isinstance(new_type, TensorType):
            return [ready, *worklist]
        Rewriter.replace_value_with_new_type(ready.results[0], new_type)
    return worklist


@dataclass(frozen=True)
class ToyShapeInference(ModulePass):
    """Propagate shapes through every (inlined) toy function."""

    name = "toy-shape-inference"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for func in list(op.body.block.ops):
            if not isinstance(func, toy.FuncOp) or func.sym_visibility is not None:
                continue
            left = infer_shapes(func)
            if left:
                first = left[0]
                raise DiagnosticException(
                    f"shape inference failed: {len(left)} operation(s) couldn't be inferred, "
                    f"first '{first.name}' at {first.location}"
                )
