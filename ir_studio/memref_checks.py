"""MLIR's memref verifiers that xDSL 0.74 lacks (MemRefOps.cpp, ViewLikeInterface.cpp),
found by benchmarks/mlir_oracle.py on MLIR's own Dialect/MemRef/invalid.mlir: subview
offsets, sizes, strides, bounds and the strided result type it implies; alignment
attributes; atomic kinds; `memref.dim` of a 0-d memref; alloc symbol counts; and
alloca outside an allocation scope. Merged into EXTRA_VERIFIERS by op name."""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    AffineMapAttr,
    AnyFloat,
    DenseArrayBase,
    IntegerAttr,
    IntegerType,
    MemRefType,
    NoneAttr,
)
from xdsl.ir import Operation
from xdsl.utils.exceptions import VerifyException

from ir_studio.strided_layouts import Strided, strided, strided_text


# -- memref.subview (SubViewOp::verify, verifyOffsetSizeAndStrideOp) -----------------------
def _values(op: Operation, name: str) -> list[int]:
    values = op.properties.get(name)
    return list(values.get_values()) if isinstance(values, DenseArrayBase) else []


def _offset_size_stride(op: Operation, max_ranks: tuple[int, int, int]) -> None:
    offsets, sizes, strides = (_values(op, f"static_{n}")
                               for n in ("offsets", "sizes", "strides"))
    if not (len(offsets) == 1 and max_ranks[0] == 1) and len(offsets) != len(sizes):
        raise VerifyException(f"expected mixed offsets rank to match mixed sizes rank "
                              f"({len(offsets)} vs {len(sizes)}) so the rank of the result "
                              f"type is well-formed.")
    if len(sizes) != len(strides):
        raise VerifyException(f"expected mixed sizes rank to match mixed strides rank "
                              f"({len(sizes)} vs {len(strides)}) so the rank of the result "
                              f"type is well-formed.")
    for values, word, rank in ((offsets, "offset", max_ranks[0]),
                               (sizes, "size", max_ranks[1]),
                               (strides, "stride", max_ranks[2])):
        if len(values) != rank:
            raise VerifyException(f"expected {rank} {word} values, got {len(values)}")
    for values, word in ((offsets, "offsets"), (sizes, "sizes")):
        for value in values:
            if value != DYNAMIC_INDEX and value < 0:
                raise VerifyException(f"expected {word} to be non-negative, but got {value}")


def _kept_dims(sizes: list[int], shape: list[int]) -> list[int] | None:
    """Which of `sizes` survive in `shape` when unit dimensions are dropped (greedy, as
    computeRankReductionMask), or None when `shape` is not such a reduction."""
    kept, position = [], 0
    for index, size in enumerate(sizes):
        if position < len(shape) and shape[position] == size:
            kept.append(index)
            position += 1
        elif size != 1:
            return None
    return kept if position == len(shape) else None


def _subview(op: Operation) -> None:
    source, result = op.operands[0].type, op.results[0].type
    if not isinstance(source, MemRefType) or not isinstance(result, MemRefType):
        return
    rank = source.get_num_dims()
    _offset_size_stride(op, (rank, rank, rank))
    if source.memory_space != result.memory_space:
        raise VerifyException(f"different memory spaces specified for base memref type "
                              f"{source} and subview memref type {result}")
    base = strided(source)
    if base is None:
        raise VerifyException(f"base type {source} is not strided")
    offsets, sizes, steps = (_values(op, f"static_{n}") for n in ("offsets", "sizes", "strides"))
    dynamic = DYNAMIC_INDEX
    offset = base[1]
    for at, stride in zip(offsets, base[0], strict=True):
        if at == 0:
            continue  # zero times a dynamic stride is zero (SaturatedInteger)
        offset = None if offset is None or stride is None or at == dynamic \
            else offset + at * stride
    expected: Strided = ([None if s is None or step == dynamic else s * step
                          for s, step in zip(base[0], steps, strict=True)], offset)
    shape = list(result.get_shape())
    expected_type = MemRefType(source.element_type, sizes, NoneAttr(), source.memory_space)
    text = strided_text(expected_type, expected)
    if len(shape) > len(sizes):
        raise VerifyException(f"expected result rank to be smaller or equal to the source "
                              f"rank, but got '{result}'")
    kept = _kept_dims(sizes, shape)
    if kept is None:
        raise VerifyException(f"expected result type to be '{text}' or a rank-reduced "
                              f"version. (mismatch of result sizes)")
    if result.element_type != source.element_type:
        raise VerifyException(f"expected result element type to be "
                              f"'{source.element_type}', but got '{result}'")
    actual = strided(result)
    if actual is not None:
        # MLIR 22 compares the layouts exactly: a static offset or stride is not
        # compatible with a dynamic one. Strides of unit dims are not compared (which
        # unit dims a rank reduction drops is ambiguous, and their stride is moot).
        pairs = [(expected[0][i], actual[0][k]) for k, i in enumerate(kept) if sizes[i] != 1]
        pairs.append((expected[1], actual[1]))
        if any(a != b for a, b in pairs):
            raise VerifyException(f"expected result type to be '{text}' or a rank-reduced "
                                  f"version. (mismatch of result layout)")
    for index, (size, at) in enumerate(zip(source.get_shape(), offsets, strict=True)):
        if size == dynamic or at == dynamic:
            continue
        if sizes[index] != 0 and at >= size:
            raise VerifyException(f"offset {index} is out-of-bounds: {at} >= {size}")
        if sizes[index] in (dynamic, 0) or steps[index] == dynamic:
            continue
        last = at + (sizes[index] - 1) * steps[index]
        if last >= size:
            raise VerifyException(f"slice along dimension {index} runs out-of-bounds: "
                                  f"{last} >= {size}")


def _reinterpret_cast(op: Operation) -> None:
    result = op.results[0].type if op.results else None
    if isinstance(result, MemRefType):
        _offset_size_stride(op, (1, result.get_num_dims(), result.get_num_dims()))


def _cast_layouts(op: Operation) -> None:
    """CastOp::areCastCompatible: two ranked memrefs of different layouts must both be
    strided, and each stride and the offset agree unless one side is dynamic."""
    source, result = op.operands[0].type, op.results[0].type
    if not isinstance(source, MemRefType) or not isinstance(result, MemRefType) \
            or source.layout == result.layout:
        return
    a, b = strided(source), strided(result)
    if a is None or b is None or len(a[0]) != len(b[0]) or any(
            x is not None and y is not None and x != y
            for x, y in [*zip(a[0], b[0], strict=True), (a[1], b[1])]):
        raise VerifyException(f"operand type '{source}' and result type '{result}' are cast "
                              "incompatible")


# -- memref.collapse_shape (computeCollapsedLayoutMap, non-strict as in verification) ----
def _groups(op: Operation) -> list[list[int]]:
    reassociation = op.properties.get("reassociation")
    groups = []
    for group in getattr(reassociation, "data", ()):
        values = group.get_values() if hasattr(group, "get_values") else [
            a.value.data for a in group.data]
        groups.append([int(v) for v in values])
    return groups


def _collapse_contiguity(op: Operation) -> None:
    """A non-identity source layout must be strided, and each group's dims contiguous:
    a stride that is static on both sides must equal the next stride times its size
    (unit dims skipped; a dynamic stride or size is given the benefit of the doubt)."""
    source = op.operands[0].type if op.operands else None
    if not isinstance(source, MemRefType) or isinstance(source.layout, NoneAttr):
        return
    layout = strided(source)
    if layout is None:
        raise VerifyException("invalid source layout map or collapsing non-contiguous dims")
    shape, strides, dynamic = list(source.get_shape()), layout[0], DYNAMIC_INDEX
    groups = _groups(op)
    if any(i >= len(shape) for group in groups for i in group):
        return
    for group in groups:
        ref = list(group)
        while len(ref) > 1 and shape[ref[-1]] == 1:
            ref.pop()
        stride = strides[ref[-1]] if shape[ref[-1]] != dynamic or len(ref) == 1 else None
        for index in reversed(group[1:]):
            stride = None if stride is None or shape[index] == dynamic \
                else stride * shape[index]
            if shape[index - 1] == 1:
                continue
            source_stride = strides[index - 1]
            if stride is not None and source_stride is not None and stride != source_stride:
                raise VerifyException("invalid source layout map or collapsing non-contiguous "
                                      "dims")


# -- memref.generic_atomic_rmw (GenericAtomicRMWOp::verifyRegions, AtomicYieldOp::verify)
def _generic_atomic_rmw(op: Operation) -> None:
    """The body may not have side effects, reported at the first op that has some (as
    MLIR does). Only ops whose effects xDSL knows and finds non-empty are reported; an
    op of unknown effects is given the benefit of the doubt."""
    from xdsl.traits import get_effects

    from ir_studio.pre_verifiers import VerifyAtOp

    for region in op.regions:
        for inner in region.walk():
            if get_effects(inner):
                raise VerifyAtOp(inner, "body of 'memref.generic_atomic_rmw' should contain "
                                        "only operations with no side effects")


def _atomic_yield(op: Operation) -> None:
    parent = op.parent_op()
    if parent is None or parent.name != "memref.generic_atomic_rmw" or not parent.results \
            or not op.operands:
        return
    yielded, expected = op.operands[0].type, parent.results[0].type
    if yielded != expected:
        raise VerifyException(f"types mismatch between yield op: '{yielded}' and its "
                              f"parent: '{expected}'")


# -- attributes and element kinds -----------------------------------------------------------
def _alignment(positive_only: bool) -> Callable[[Operation], None]:
    """`alignment` is a positive power of two (ODS's IntPositivePowerOf2)."""
    def check(op: Operation) -> None:
        value = op.properties.get("alignment") or op.attributes.get("alignment")
        if not isinstance(value, IntegerAttr):
            return
        number = value.value.data
        if positive_only:
            if number <= 0:
                raise VerifyException("attribute 'alignment' failed to satisfy constraint: "
                                      "32-bit signless integer attribute whose value is "
                                      "positive")
            if number & (number - 1):
                raise VerifyException("alignment must be power of 2")
        elif number <= 0 or number & (number - 1):
            raise VerifyException("attribute 'alignment' failed to satisfy constraint: "
                                  "64-bit signless integer attribute whose value is "
                                  "positive and whose value is a power of two > 0")
    return check


_FLOAT_KINDS = {0, 4, 5, 8, 9, 12}
"""AtomicRMWKind cases (ArithBase.td) on floats: addf, maximumf, maxnumf, minimumf,
minnumf, mulf; `assign` (3) takes either."""
_INT_KINDS = {1, 2, 6, 7, 10, 11, 13, 14, 15}
_KIND_NAMES = ("addf", "addi", "andi", "assign", "maximumf", "maxnumf", "maxs", "maxu",
               "minimumf", "minnumf", "mins", "minu", "mulf", "muli", "ori", "xori")


def _atomic_rmw(op: Operation) -> None:
    kind = op.properties.get("kind")
    if not isinstance(kind, IntegerAttr) or not op.operands:
        return
    value = op.operands[0].type
    number = kind.value.data
    if number in _FLOAT_KINDS and not isinstance(value, AnyFloat):
        raise VerifyException(f"with kind '{_KIND_NAMES[number]}' expects a floating-point "
                              "type")
    if number in _INT_KINDS and not isinstance(value, IntegerType):
        raise VerifyException(f"with kind '{_KIND_NAMES[number]}' expects an integer type")


def _dim(op: Operation) -> None:
    source = op.operands[0].type if op.operands else None
    if isinstance(source, MemRefType) and source.get_num_dims() == 0:
        raise VerifyException(f"operand #0 must be unranked.memref of any type values or "
                              f"non-0-ranked.memref of any type values, but got '{source}'")


def _alloc_symbols(op: Operation) -> None:
    """AllocLikeOp::verify: one symbol operand per symbol of the layout map."""
    result = op.results[0].type if op.results else None
    if not isinstance(result, MemRefType) or not isinstance(result.layout, AffineMapAttr):
        return
    segments = op.properties.get("operandSegmentSizes") or op.attributes.get(
        "operandSegmentSizes")
    if not isinstance(segments, DenseArrayBase):
        return
    counts = list(segments.get_values())
    if len(counts) >= 2 and counts[1] != result.layout.data.num_symbols:
        raise VerifyException("symbol operand count does not equal memref symbol count: "
                              f"expected {result.layout.data.num_symbols}, got {counts[1]}")


_SCOPES = ("builtin.module",)


def _alloca_scope(op: Operation) -> None:
    """AllocaOp needs an ancestor with AutomaticAllocationScope. Only the certain case is
    reported: every ancestor is a module or an op ir-studio does not know."""
    from xdsl.dialects.builtin import UnregisteredOp

    parent = op.parent_op()
    while parent is not None:
        if parent.name not in _SCOPES and not isinstance(parent, UnregisteredOp):
            return
        parent = parent.parent_op()
    raise VerifyException("requires an ancestor op with AutomaticAllocationScope trait")


def _alloc(op: Operation) -> None:
    _alignment(positive_only=False)(op)
    _alloc_symbols(op)


def _alloca(op: Operation) -> None:
    _alloc(op)
    _alloca_scope(op)


MEMREF_CHECKS: dict[str, Callable[[Operation], None]] = {
    "memref.subview": _subview,
    "memref.reinterpret_cast": _reinterpret_cast,
    "memref.cast": _cast_layouts,
    "memref.generic_atomic_rmw": _generic_atomic_rmw,
    "memref.collapse_shape": _collapse_contiguity,
    "memref.atomic_yield": _atomic_yield,
    "memref.assume_alignment": _alignment(positive_only=True),
    **{f"memref.{name}": _alignment(positive_only=False)
       for name in ("load", "store", "realloc")},
    "memref.atomic_rmw": _atomic_rmw,
    "memref.dim": _dim,
    "memref.alloc": _alloc,
    "memref.alloca": _alloca,
}
