"""More of MLIR's op verifiers that xDSL 0.74 lacks, found by benchmarks/mlir_oracle.py
(MLIR's own invalid tests). Keyed by op name and merged into EXTRA_VERIFIERS; each
raises VerifyException with the words of the C++ verifier it follows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    AnyFloat,
    ArrayAttr,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    DictionaryAttr,
    FloatAttr,
    FunctionType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    NoneAttr,
    StridedLayoutAttr,
    StringAttr,
    SymbolRefAttr,
    TensorType,
    UnregisteredOp,
    VectorType,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.traits import SymbolTable
from xdsl.utils.exceptions import VerifyException

from ir_studio.structural_checks import _rank_reduced


def _property(op: Operation, name: str) -> Attribute | None:
    found = op.properties.get(name)
    return found if found is not None else op.attributes.get(name)


# -- func.func (FuncOp::verify, function_interface_impl::verifyTrait) --------------------
def _func(op: Operation) -> None:
    region = op.regions[0] if op.regions else None
    visibility = _property(op, "sym_visibility")
    if region is not None and not region.blocks and (
            not isinstance(visibility, StringAttr) or visibility.data == "public"):
        raise VerifyException("symbol declaration cannot have public visibility")
    function_type = _property(op, "function_type")
    counts = (len(function_type.inputs.data), len(function_type.outputs.data)) \
        if isinstance(function_type, FunctionType) else (None, None)
    for (key, word), count in zip((("arg_attrs", "arguments"), ("res_attrs", "results")),
                                  counts, strict=True):
        groups = _property(op, key)
        if not isinstance(groups, ArrayAttr):
            continue
        if count is not None and len(groups.data) != count:
            raise VerifyException(f"expects {word[:-1]} attribute array to have the same "
                                  f"number of elements as the number of function {word}, "
                                  f"got {len(groups.data)}, but expected {count}")
        for group in groups.data:
            if isinstance(group, DictionaryAttr) and any("." not in name for name in group.data):
                raise VerifyException(f"{word} may only have dialect attributes")


# -- memref.global / memref.get_global (MemRefOps.cpp) ------------------------------------
def _shape_text(shape: tuple[int, ...] | list[int]) -> str:
    return ", ".join(str(size) for size in shape)


def _memref_global(op: Operation) -> None:
    visibility = _property(op, "sym_visibility")
    if isinstance(visibility, StringAttr) and visibility.data not in ("public", "private",
                                                                       "nested"):
        raise VerifyException('visibility expected to be one of ["public", "private", '
                              f'"nested"], but got "{visibility.data}"')
    memref = _property(op, "type")
    if not isinstance(memref, MemRefType) or any(s < 0 for s in memref.get_shape()):
        raise VerifyException(f"type should be static shaped memref, but got '{memref}'")
    initial = _property(op, "initial_value")
    initial_type = initial.get_type() if isinstance(initial, DenseIntOrFPElementsAttr) else None
    if isinstance(initial_type, TensorType | VectorType):
        element = initial_type.element_type
        if element != memref.element_type:
            raise VerifyException(f"initial value element expected to be of type "
                                  f"'{memref.element_type}', but was of type '{element}'")
        shape = tuple(initial_type.get_shape())
        if shape != tuple(memref.get_shape()):
            raise VerifyException(f"initial value shape expected to be "
                                  f"{_shape_text(memref.get_shape())} but was "
                                  f"{_shape_text(shape)}")


def _llvm_global(op: Operation) -> None:
    alignment = _property(op, "alignment")
    if isinstance(alignment, IntegerAttr):
        value = alignment.value.data
        if value <= 0 or value & (value - 1):
            raise VerifyException("alignment attribute is not a power of 2")


def _alloc_tensor(op: Operation) -> None:
    """AllocTensorOp::verify: a copy gives the sizes, else one size per dynamic dimension."""
    sizes = list(getattr(op, "dynamic_sizes", ()))
    copy = getattr(op, "copy", None)
    result = op.results[0].type if op.results else None
    if copy is not None and sizes:
        raise VerifyException("dynamic sizes not needed when copying a tensor")
    if copy is None and isinstance(result, TensorType):
        dynamic = sum(1 for size in result.get_shape() if size < 0)
        if dynamic != len(sizes):
            raise VerifyException(f"incorrect number of dynamic sizes, has {len(sizes)}, "
                                  f"expected {dynamic}")
    if copy is not None and copy.type != result:
        raise VerifyException("expected that `copy` and return type match")


def _branch_weights(op: Operation) -> None:
    """WeightedBranchOpInterface: one weight per successor, not all zero."""
    weights = _property(op, "branch_weights")
    if not isinstance(weights, DenseArrayBase):
        return
    values = list(weights.get_values())
    if len(values) != len(op.successors):
        raise VerifyException("expects number of branch weights to match number of "
                              f"successors: {len(values)} vs {len(op.successors)}")
    if values and not any(values):
        raise VerifyException("branch weights cannot all be zero")


def _lookup(op: Operation, reference: SymbolRefAttr) -> Operation | None:
    scope = op.parent_op()
    while scope is not None and not scope.has_trait(SymbolTable):
        scope = scope.parent_op()
    if scope is None:
        return None
    return SymbolTable.lookup_symbol(scope, reference)


def _get_global(op: Operation) -> None:
    reference = _property(op, "name")
    if not isinstance(reference, SymbolRefAttr):
        return
    target = _lookup(op, reference)
    name = reference.root_reference.data
    if target is None:
        return  # maybe in another top-level item: symbols.check_symbol_facts reports it
    if target.name != "memref.global":
        raise VerifyException(f"'{name}' does not reference a valid global memref")
    declared = _property(target, "type")
    result = op.results[0].type
    if declared is not None and result != declared:
        raise VerifyException(f"result type '{result}' does not match type '{declared}' of "
                              f"the global memref @{name}")


# -- llvm.mlir.constant (LLVMDialect.cpp ConstantOp::verify) ------------------------------
def _count(type_: Attribute) -> int | None:
    if isinstance(type_, VectorType | TensorType):
        return math.prod(type_.get_shape())
    return None


def _llvm_constant(op: Operation) -> None:
    value = _property(op, "value")
    result = op.results[0].type
    if result.name == "llvm.struct" and not isinstance(value, ArrayAttr):
        raise VerifyException("expected array attribute for struct type")
    if isinstance(value, IntegerAttr) and not isinstance(result, IntegerType):
        raise VerifyException("expected integer type")
    if isinstance(value, FloatAttr):
        _float_agrees(value.type, result)
    if isinstance(value, DenseIntOrFPElementsAttr):
        if not isinstance(result, VectorType) and result.name != "llvm.array":
            raise VerifyException("expected vector or array type")
        value_type = value.get_type()
        element = value_type.element_type if isinstance(value_type, TensorType | VectorType) \
            else None
        if isinstance(result, VectorType) and isinstance(element, AnyFloat):
            _float_agrees(element, result.element_type)
        expected, got = _count(result), _count(value.get_type())
        if expected is not None and got is not None and expected != got and got != 1:
            raise VerifyException(f"type and attribute have a different number of "
                                  f"elements: {expected} vs. {got}")


def _float_agrees(attribute_type: Attribute, result: Attribute) -> None:
    if not isinstance(attribute_type, AnyFloat):
        return
    width = attribute_type.bitwidth
    if isinstance(result, AnyFloat):
        if result.bitwidth != width:
            raise VerifyException(f"expected float type of width {width}")
        if result != attribute_type:
            raise VerifyException("attribute and type have different float semantics")
    elif isinstance(result, IntegerType) and result.width.data != width:
        raise VerifyException(f"expected integer type of width {width}")


# -- linalg.yield / linalg.index (LinalgOps.cpp YieldOp::verify, IndexOp::verify) -------
def _linalg_inits(op: Operation) -> list[SSAValue] | None:
    """The inits / outs of a LinalgOp: `outputs` (generic, named ops) or `init`
    (map, reduce) in xDSL's definitions. None when the parent is a linalg op ir-studio
    does not know (its generic form): no verdict then."""
    parent = op.parent_op()
    if isinstance(parent, UnregisteredOp) and parent.op_name.data.startswith("linalg."):
        return None
    if parent is None or not parent.name.startswith("linalg."):
        raise VerifyException("expected parent op with LinalgOp interface")
    for field in ("outputs", "init", "inits"):
        if hasattr(parent, field):
            group = getattr(parent, field)
            return list(group) if isinstance(group, Sequence) else [group]
    return None


def _linalg_yield(op: Operation) -> None:
    outputs = _linalg_inits(op)
    if outputs is None:
        return
    if len(op.operands) != len(outputs):
        raise VerifyException(f"expected number of yield values ({len(op.operands)}) to "
                              f"match the number of inits / outs operands of the enclosing "
                              f"LinalgOp ({len(outputs)})")
    for number, (value, output) in enumerate(zip(op.operands, outputs, strict=True), 1):
        element = output.type
        if isinstance(element, MemRefType | TensorType):
            element = element.element_type
        if value.type != element:
            raise VerifyException(f"type of yield operand {number} ('{value.type}') doesn't "
                                  f"match the element type of the enclosing linalg.generic op "
                                  f"('{element}')")


def _linalg_index(op: Operation) -> None:
    dim = _property(op, "dim")
    if isinstance(dim, IntegerAttr) and dim.value.data < 0:
        raise VerifyException("attribute 'dim' failed to satisfy constraint: 64-bit signless "
                              "integer attribute whose minimum value is 0")
    if _linalg_inits(op) is None:
        return
    parent = op.parent_op()
    assert parent is not None
    iterators = _property(parent, "iterator_types")
    dim = _property(op, "dim")
    if isinstance(iterators, ArrayAttr) and isinstance(dim, IntegerAttr) \
            and dim.value.data >= len(iterators.data):
        raise VerifyException(f"expected dim ({dim.value.data}) to be lower than the number "
                              f"of loops ({len(iterators.data)}) of the enclosing LinalgOp")


# -- tensor.extract_slice / insert_slice (ViewLikeInterface.cpp, TensorOps.cpp) -----------
def _static(op: Operation, name: str) -> list[int]:
    values = _property(op, name)
    return list(values.get_values()) if isinstance(values, DenseArrayBase) else []


def _slice(full_operand: int, reduced: Callable[[Operation], Attribute]) -> Callable[
        [Operation], None]:
    """verifyOffsetSizeAndStrideOp, then produceSliceErrorMsg: the reduced side is the
    type the sizes infer, or it with unit dimensions dropped."""
    def check(op: Operation) -> None:
        full = op.operands[full_operand].type
        small = reduced(op)
        if not isinstance(full, TensorType) or not isinstance(small, TensorType):
            return
        rank = full.get_num_dims()
        for name, word in (("static_offsets", "offset"), ("static_sizes", "size"),
                           ("static_strides", "stride")):
            if len(_static(op, name)) != rank:
                raise VerifyException(f"expected {rank} {word} values, got "
                                      f"{len(_static(op, name))}")
        sizes = _static(op, "static_sizes")
        expected = TensorType(full.element_type, sizes)
        shape = list(small.get_shape())
        if len(shape) > len(sizes):
            raise VerifyException("expected rank to be smaller or equal to the other rank. ")
        if not _rank_reduced(sizes, shape):
            raise VerifyException(f"expected type to be '{expected}' or a rank-reduced "
                                  f"version. (size mismatch) ")
        if small.element_type != full.element_type:
            raise VerifyException(f"expected element type to be '{full.element_type}'")
    return check


# -- gpu.launch_func (GPUDialect.cpp LaunchFuncOp::verify, verifyOperationAttribute) -----
def _launch_func(op: Operation) -> None:
    module = op.parent_op()
    while module is not None and module.name != "builtin.module":
        module = module.parent_op()
    if module is None or "gpu.container_module" not in module.attributes:
        raise VerifyException("expected the closest surrounding module to have the "
                              "'gpu.container_module' attribute")
    # The kernel is looked up by symbols.check_symbol_facts (launch_func_problem): top-level
    # ops are verified one by one, so the gpu.module is not visible from here.


def launch_func_problem(op: Operation, container: Operation,
                        function: Operation | None) -> str | None:
    """LaunchFuncOp's checks against its kernel (GPUDialect.cpp
    verifyOperationAttribute), given the container and function the symbol names."""
    kernel = _property(op, "kernel")
    if not isinstance(kernel, SymbolRefAttr):
        return None
    container_name = kernel.root_reference.data
    if container.name == "gpu.binary":
        return None
    if container.name != "gpu.module":
        return f"kernel module '{container_name}' is undefined"
    shown = "::".join(f"@{part}" for part in [container_name,
                                               *(r.data for r in kernel.nested_references)])
    if function is None:
        return f"kernel function '{shown}' is undefined"
    if function.name not in ("gpu.func", "func.func", "llvm.func"):
        return f"referenced kernel '{shown}' is not a function"
    if function.name != "gpu.func":
        return None
    if _property(function, "kernel") is None and "gpu.kernel" not in function.attributes:
        return "kernel function is missing the 'gpu.kernel' attribute"
    signature = _property(function, "function_type")
    if not isinstance(signature, FunctionType):
        return None
    inputs = signature.inputs.data
    arguments = list(getattr(op, "kernelOperands", ()))
    if len(arguments) != len(inputs):
        return f"got {len(arguments)} kernel operands but expected {len(inputs)}"
    for index, (argument, expected) in enumerate(zip(arguments, inputs, strict=True)):
        if argument.type != expected:
            return f"type of function argument {index} does not match"
    return None


# -- scf.for / scf.parallel (SCF.cpp ForOp::verifyRegions, ParallelOp::verify) ------------
def _scf_for(op: Operation) -> None:
    body = op.regions[0].blocks.first if op.regions and op.regions[0].blocks else None
    if body is None:
        return
    carried = list(body.args)[1:]
    if len(carried) != len(op.results):
        raise VerifyException("mismatch in number of loop-carried values and defined values")
    for index, (argument, result) in enumerate(zip(carried, op.results, strict=False)):
        if argument.type != result.type:
            raise VerifyException(f"{index}-th region iter_arg and {index}-th loop result "
                                  f"have different type: '{argument.type}' != "
                                  f"'{result.type}'")


def _constant_index(value: SSAValue) -> int | None:
    owner = value.owner
    if isinstance(owner, Operation) and owner.name in ("arith.constant", "index.constant"):
        attribute = _property(owner, "value")
        if isinstance(attribute, IntegerAttr):
            return attribute.value.data
    return None


def _scf_parallel(op: Operation) -> None:
    steps = list(getattr(op, "step", ()))
    if not steps:
        raise VerifyException("needs at least one tuple element for lowerBound, upperBound "
                              "and step")
    for step in steps:
        constant = _constant_index(step)
        if constant is not None and constant <= 0:
            raise VerifyException("constant step operand must be positive")


# -- memref.reinterpret_cast (MemRefOps.cpp ReinterpretCastOp::verify) -------------------
def _shown(size: int) -> str:
    return "dynamic" if size == DYNAMIC_INDEX else str(size)


def _reinterpret_cast(op: Operation) -> None:
    result = op.results[0].type
    if not isinstance(result, MemRefType):
        return
    offsets = _static(op, "static_offsets")
    if len(offsets) != 1:
        raise VerifyException(f"expected 1 offset values, got {len(offsets)}")
    sizes = _static(op, "static_sizes")
    for index, (actual, expected) in enumerate(zip(result.get_shape(), sizes, strict=False)):
        if actual != DYNAMIC_INDEX and actual != expected:
            raise VerifyException(f"expected result type with size = {_shown(expected)} "
                                  f"instead of {actual} in dim = {index}")
    layout = result.layout
    if isinstance(layout, StridedLayoutAttr):
        strides = [DYNAMIC_INDEX if isinstance(s, NoneAttr) else s.data
                   for s in layout.strides.data]
        offset = layout.offset
        result_offset = DYNAMIC_INDEX if isinstance(offset, NoneAttr) else offset.data
    elif isinstance(layout, NoneAttr):
        shape = list(result.get_shape())
        strides = [math.prod(shape[index + 1:]) for index in range(len(shape))]
        if any(size == DYNAMIC_INDEX for size in shape[1:]):
            return
        result_offset = 0
    else:
        return
    if result_offset != DYNAMIC_INDEX and result_offset != offsets[0]:
        raise VerifyException(f"expected result type with offset = {_shown(offsets[0])} "
                              f"instead of {result_offset}")
    for index, (actual, expected) in enumerate(zip(strides, _static(op, "static_strides"),
                                                   strict=False)):
        if actual != DYNAMIC_INDEX and actual != expected:
            raise VerifyException(f"expected result type with stride = {_shown(expected)} "
                                  f"instead of {actual} in dim = {index}")


OP_CHECKS: dict[str, Callable[[Operation], None]] = {
    "memref.reinterpret_cast": _reinterpret_cast,
    "scf.for": _scf_for,
    "scf.parallel": _scf_parallel,
    "gpu.launch_func": _launch_func,
    "tensor.extract_slice": _slice(0, lambda op: op.results[0].type),
    "tensor.insert_slice": _slice(1, lambda op: op.operands[0].type),
    "linalg.yield": _linalg_yield,
    "linalg.index": _linalg_index,
    "func.func": _func,
    "memref.global": _memref_global,
    "memref.get_global": _get_global,
    "llvm.mlir.constant": _llvm_constant,
    "llvm.mlir.global": _llvm_global,
    "bufferization.alloc_tensor": _alloc_tensor,
    "cf.cond_br": _branch_weights,
    "llvm.cond_br": _branch_weights,
}
