"""More of MLIR's verifier rules xDSL 0.74 leaves out: successor operands against block
arguments, yields against their parents, affine maps against memref ranks, vector
positions against vector shapes, linalg results against their inits. Registered into
`extra_verifiers.EXTRA_VERIFIERS`; each raises with mlir-opt's wording."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    MemRefType,
    ShapedType,
    TensorType,
    VectorType,
)
from xdsl.ir import Block, Operation, SSAValue
from xdsl.utils.exceptions import VerifyException


def _check_successors(groups: Sequence[tuple[Block, Sequence[SSAValue]]]) -> None:
    for index, (block, operands) in enumerate(groups):
        if len(operands) != len(block.args):
            raise VerifyException(f"branch has {len(operands)} operands for successor "
                                  f"#{index}, but target block has {len(block.args)}")
        for position, (value, arg) in enumerate(zip(operands, block.args, strict=True)):
            if value.type != arg.type:
                raise VerifyException(f"type mismatch for bb argument #{position} of successor "
                                      f"#{index}")


def _branch(op: Operation) -> None:
    _check_successors([(op.successors[0], list(op.operands))])


def _conditional_branch(op: Operation) -> None:
    _check_successors([(op.then_block, list(op.then_arguments)),  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
                       (op.else_block, list(op.else_arguments))])  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field


def _switch(op: Operation) -> None:
    groups = [(op.default_block, list(op.default_operands))]  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
    segments = op.case_operand_segments.get_values()  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
    operands = list(op.case_operands)  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
    start = 0
    for block, size in zip(op.case_blocks, segments, strict=False):  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
        groups.append((block, operands[start: start + size]))
        start += size
    _check_successors(groups)


def _invoke(op: Operation) -> None:
    _check_successors([(op.successors[0], list(op.normalDestOperands)),  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
                       (op.successors[1], list(op.unwindDestOperands))])  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field


def _indirect_branch(op: Operation) -> None:
    segments = list(op.indbr_operand_segments.get_values())  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
    if len(segments) != len(op.successors) or sum(segments) != len(op.operands) - 1:
        return  # the op's own verifier reports this
    operands, start, groups = list(op.operands[1:]), 0, []
    for block, size in zip(op.successors, segments, strict=True):
        groups.append((block, operands[start: start + size]))
        start += size
    _check_successors(groups)


def _scf_if_else(op: Operation) -> None:
    if op.results and not op.regions[1].blocks:
        raise VerifyException("must have an else block if defining values")


def _affine_yield(op: Operation) -> None:
    parent = op.parent_op()
    if parent is None or parent.name not in ("affine.for", "affine.if", "affine.parallel"):
        return
    if len(parent.results) != len(op.operands):
        raise VerifyException("parent of yield must have same number of results as the yield "
                              "operands")


def _affine_map_rank(op: Operation) -> None:
    memref = op.memref.type  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
    if isinstance(memref, MemRefType) and len(op.map.data.results) != memref.get_num_dims():  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
        raise VerifyException("affine map num results must equal memref rank")


def _vector_position(vector_operand: str) -> Callable[[Operation], None]:
    def check(op: Operation) -> None:
        vector = getattr(op, vector_operand).type
        if not isinstance(vector, VectorType):
            return
        shape = vector.get_shape()
        for index, position in enumerate(op.static_position.get_values()):  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
            if position == DYNAMIC_INDEX or position == -1 or index >= len(shape):
                continue
            if not 0 <= position < shape[index]:
                raise VerifyException(
                    f"expected position attribute #{index + 1} to be a non-negative integer "
                    "smaller than the corresponding vector dimension or poison (-1)")
    return check


def _vector_broadcast(op: Operation) -> None:
    source, result = op.operands[0].type, op.results[0].type
    if not isinstance(result, VectorType):
        return
    source_shape = source.get_shape() if isinstance(source, VectorType) else ()
    target = result.get_shape()
    if len(source_shape) > len(target):
        raise VerifyException("source rank higher than destination rank")
    for offset, size in enumerate(source_shape):
        wanted = target[len(target) - len(source_shape) + offset]
        if size not in (1, wanted):
            raise VerifyException(f"dimension mismatch ({size} vs. {wanted})")


def _linalg_results(op: Operation) -> None:
    """A structured op on tensors returns one result per tensor init, of its type."""
    outputs = getattr(op, "outputs", None)
    if outputs is None:
        return
    tensor_inits = [v for v in outputs if isinstance(v.type, TensorType)]
    if len(tensor_inits) != len(op.results):
        raise VerifyException(f"expected the number of tensor results ({len(op.results)}) "
                              "to be equal to the number of output tensors "
                              f"({len(tensor_inits)})")
    if op.name == "linalg.fill" and len(outputs) == 1 and len(op.operands) == 2:
        value, output = op.operands[0].type, outputs[0].type
        element = output.element_type if isinstance(output, TensorType | MemRefType) else output
        if value != element:
            raise VerifyException(f"expected fill value type ('{value}') to match output "
                                  f"element type ('{element}')")
    first_init = len(op.operands) - len(outputs)
    for init, result in zip(tensor_inits, op.results, strict=True):
        if init.type != result.type:
            operand = first_init + list(outputs).index(init)
            raise VerifyException(f"expected type of operand #{operand} ('{init.type}') to "
                                  f"match type of corresponding result ('{result.type}')")


def _affine_yield_types(op: Operation) -> None:
    _affine_yield(op)
    parent = op.parent_op()
    if parent is None or parent.name not in ("affine.for", "affine.if", "affine.parallel"):
        return
    if [v.type for v in op.operands] != [r.type for r in parent.results]:
        raise VerifyException("types mismatch between yield op and its parent")


def _llvm_return(op: Operation) -> None:
    parent = op.parent_op()
    while parent is not None and parent.name != "llvm.func":
        parent = parent.parent_op()
    if parent is None:
        return
    output = parent.function_type.output  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
    expected = [] if output.name == "llvm.void" else [output]
    if [v.type for v in op.operands] != expected:
        raise VerifyException("mismatching result types")


def _empty_dynamic_sizes(op: Operation) -> None:
    tensor = op.results[0].type
    if not isinstance(tensor, TensorType):
        return
    expected = sum(1 for size in tensor.get_shape() if size == DYNAMIC_INDEX)
    if len(op.operands) != expected:
        raise VerifyException(f"incorrect number of dynamic sizes, has {len(op.operands)}, "
                              f"expected {expected}")


def _reassociation(collapsing: bool) -> Callable[[Operation], None]:
    """collapse_shape/expand_shape: one group per dimension of the smaller shape, and
    together the groups cover the larger shape's dimensions in order."""

    def check(op: Operation) -> None:
        source, result = op.operands[0].type, op.results[0].type
        if not isinstance(source, ShapedType) or not isinstance(result, ShapedType):
            return
        small, large = (result, source) if collapsing else (source, result)
        groups = [[int(i) for i in group.get_values()] if hasattr(group, "get_values")
                  else [a.value.data for a in group.data]
                  for group in op.reassociation.data]  # pyright: ignore[reportAttributeAccessIssue]  # the check is registered for one op name, whose class has this field
        word = "collapsed" if collapsing else "expanded"
        memref = op.name.startswith("memref.")
        if memref and small.get_num_dims() == 0 and any(d != 1 for d in large.get_shape()):
            raise VerifyException("rank 0 memrefs can only be extended/collapsed with/from "
                                  "ones")
        bounds = getattr(op, "static_output_shape", None)
        if memref and bounds is not None and len(bounds.get_values()) != large.get_num_dims():
            raise VerifyException(f"expected number of static shape bounds to be equal to the "
                                  f"output rank ({large.get_num_dims()}) but found "
                                  f"{len(bounds.get_values())} inputs instead")
        if len(groups) != small.get_num_dims():
            raise VerifyException(f"expected {word if collapsing else 'collapsed'} rank "
                                  f"({small.get_num_dims()}) to equal the number of "
                                  f"reassociation maps ({len(groups)}).")
        flat = [i for group in groups for i in group]
        if small.get_num_dims() and flat != list(range(large.get_num_dims())):
            raise VerifyException("expected reassociation map to cover all dimensions of "
                                  f"the {'source' if collapsing else 'result'} in order")
        if not memref:
            _collapsed_sizes(small.get_shape(), large.get_shape(), groups)
        else:
            _group_sizes(small.get_shape(), large.get_shape(), groups)
            if bounds is not None:
                _output_shape(bounds.get_values(), large.get_shape())
    return check


def _group_sizes(collapsed: Sequence[int], expanded: Sequence[int],
                 groups: list[list[int]]) -> None:
    """verifyReshapeLikeShapes (memref wording): a collapsed size is dynamic exactly when
    its group has a dynamic size, and otherwise the product of the group's sizes."""
    for index, group in enumerate(groups):
        sizes = [expanded[i] for i in group if i < len(expanded)]
        dynamic = DYNAMIC_INDEX in sizes
        if (collapsed[index] == DYNAMIC_INDEX) != dynamic:
            raise VerifyException(f"collapsed dim ({index}) must be dynamic if and only if "
                                  "reassociation group is dynamic")
        if not dynamic and collapsed[index] != math.prod(sizes):
            raise VerifyException(f"collapsed dim size ({collapsed[index]}) must equal "
                                  f"reassociation group size ({math.prod(sizes)})")


def _output_shape(bounds: Sequence[int], shape: Sequence[int]) -> None:
    """ExpandShapeOp::verify: a static output_shape entry is the result's size there."""
    for position, (bound, size) in enumerate(zip(bounds, shape, strict=False)):
        if bound != DYNAMIC_INDEX and size != DYNAMIC_INDEX and bound != size:
            raise VerifyException(f"invalid output shape provided at pos {position}")


def _collapsed_sizes(collapsed: Sequence[int], expanded: Sequence[int],
                     groups: list[list[int]]) -> None:
    """Each collapsed size is the product of its group's sizes, or dynamic when one of
    them is (MLIR's reshapeLikeShapesAreCompatible)."""
    for index, group in enumerate(groups):
        sizes = [expanded[i] for i in group]
        if DYNAMIC_INDEX in sizes:
            if collapsed[index] != DYNAMIC_INDEX:
                raise VerifyException(f"expected dimension {index} of collapsed type to be "
                                      "dynamic since one or more of the corresponding "
                                      "dimensions in the expanded type is dynamic")
            continue
        product = math.prod(sizes)
        if collapsed[index] != product:
            raise VerifyException(f"expected dimension {index} of collapsed type to be "
                                  f"static value of {product}")


def _rank_reduced(sizes: list[int], shape: list[int]) -> bool:
    """`shape` is `sizes` with some unit dimensions dropped."""
    position = 0
    for size in sizes:
        if position < len(shape) and shape[position] == size:
            position += 1
        elif size != 1:
            return False
    return position == len(shape)


STRUCTURAL_CHECKS: dict[str, Callable[[Operation], None]] = {
    "cf.br": _branch,
    "llvm.br": _branch,
    "cf.cond_br": _conditional_branch,
    "llvm.cond_br": _conditional_branch,
    "cf.switch": _switch,
    "llvm.invoke": _invoke,
    "llvm.indirectbr": _indirect_branch,
    "scf.if": _scf_if_else,
    "affine.yield": _affine_yield_types,
    "llvm.return": _llvm_return,
    "tensor.empty": _empty_dynamic_sizes,
    "tensor.collapse_shape": _reassociation(collapsing=True),
    "memref.collapse_shape": _reassociation(collapsing=True),
    "tensor.expand_shape": _reassociation(collapsing=False),
    "memref.expand_shape": _reassociation(collapsing=False),
    "affine.load": _affine_map_rank,
    "affine.store": _affine_map_rank,
    "vector.extract": _vector_position("vector"),
    "vector.insert": _vector_position("dest"),
    "vector.broadcast": _vector_broadcast,
}


def linalg_result_check(name: str) -> Callable[[Operation], None] | None:
    """Every linalg structured op gets the result check (by prefix, not one by one)."""
    return _linalg_results if name.startswith("linalg.") else None

