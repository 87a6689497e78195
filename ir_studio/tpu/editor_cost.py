"""What the simulation knows, placed where the engineer reads a TPU graph: per op its
simulated time, what bounds it and the bytes it moves (inlay hints); per function the
total in each mode (code lenses); for an A16 matmul its quantisation and the times of the
kernel's five steps (hover). Pure logic over a module; the language server caches one
`DocumentCost` per document version and computes it off the request path.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from xdsl.dialects.builtin import ModuleOp, TensorType
from xdsl.dialects.func import FuncOp
from xdsl.ir import Operation

from ir_studio.tpu.analysis import SHOWN_MODE, analyse, is_tpu_graph, lowered_mode, needs_lowering
from ir_studio.tpu.evaluator import loc_name
from ir_studio.tpu.kernels import _bytes
from ir_studio.tpu.modes import Mode
from ir_studio.tpu.simulate import Timeline

_log = logging.getLogger(__name__)

A16_STEPS = (
    "load activation",
    "load int8/int4 tile + scales",
    "cast to f16",
    "scale",
    "matmul + store",
)


def duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-4:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def size(nbytes: float) -> str:
    if nbytes >= 2**20:
        return f"{nbytes / 2**20:.1f} MiB"
    if nbytes >= 2**10:
        return f"{nbytes / 2**10:.1f} KiB"
    return f"{int(nbytes)} B"


@dataclass(frozen=True)
class OpCost:
    seconds: float
    bound: str
    """The engine busy longest during the op: GDMA (data movement) or BDC (compute)."""
    bytes: int
    flops: int

    @property
    def label(self) -> str:
        return f"{duration(self.seconds)} · {self.bound}-bound · {size(self.bytes)}"


@dataclass(frozen=True)
class A16Detail:
    bits: int
    group_size: int
    weight_shape: tuple[int, ...]
    scale_shape: tuple[int, ...] | None
    zp_shape: tuple[int, ...] | None
    f16_bytes: int
    stored_bytes: int
    """Quantised weight plus scales and zero points."""
    steps: tuple[tuple[str, float], ...]

    @property
    def saved_bytes(self) -> int:
        return self.f16_bytes - self.stored_bytes

    def markdown(self, mode: Mode) -> str:
        group = "per channel" if self.group_size == 0 else f"groups of {self.group_size} along K"
        shape = "x".join(map(str, self.weight_shape))
        lines = [
            f"**{mode.label}**: {self.bits}-bit weights, {group}",
            "",
            f"- weight `{shape}` ({'two values per byte' if self.bits == 4 else 'int8'})",
            f"- scales `{_shape(self.scale_shape)}` f16, zero points `{_shape(self.zp_shape)}`",
            f"- {size(self.stored_bytes)} stored against {size(self.f16_bytes)} in F16: "
            f"{size(self.saved_bytes)} saved "
            f"({self.saved_bytes / self.f16_bytes:.0%})"
            if self.f16_bytes
            else "",
            "",
            "Kernel steps (busy time, simulated; the five-step kernel is a reconstruction):",
            "",
        ]
        lines += [f"{i}. {name}: {duration(s)}" for i, (name, s) in enumerate(self.steps, 1)]
        return "\n".join(lines)


def _shape(shape: tuple[int, ...] | None) -> str:
    return "none" if shape is None else "x".join(map(str, shape))


@dataclass(frozen=True)
class FunctionCost:
    name: str
    totals: dict[Mode, float]

    @property
    def label(self) -> str:
        return " · ".join(f"{mode.label} {duration(t)}" for mode, t in self.totals.items())


@dataclass(frozen=True)
class DocumentCost:
    mode: Mode
    """The mode the per-op figures are for."""
    ops: dict[str, OpCost] = field(default_factory=dict)
    a16: dict[str, A16Detail] = field(default_factory=dict)
    functions: dict[str, FunctionCost] = field(default_factory=dict)
    error: str | None = None
    """Why there are no figures (a lowering the graph does not allow)."""

    def op(self, op: Operation) -> OpCost | None:
        name = loc_name(op)
        return None if name is None else self.ops.get(name)

    def a16_detail(self, op: Operation) -> A16Detail | None:
        name = loc_name(op)
        return None if name is None else self.a16.get(name)


def document_cost(module: ModuleOp) -> DocumentCost | None:
    """Figures for a TPU graph (None for any other module). A `top` graph is simulated in
    every mode; a lowered one in its own. The module is not modified."""
    if not is_tpu_graph(module):
        return None
    from ir_studio.tpu.lowering import LoweringError

    try:
        analysis = analyse(module)
    except (LoweringError, ValueError) as error:
        return DocumentCost(lowered_mode(module) or SHOWN_MODE, error=str(error))
    except Exception as error:  # a graph the chip model cannot take: no hints, not a crash
        _log.exception("simulating this TPU graph failed")
        return DocumentCost(lowered_mode(module) or SHOWN_MODE, error=repr(error))
    mode = SHOWN_MODE if needs_lowering(module) else next(iter(analysis.timelines))
    timeline = analysis.timelines[mode]
    ops = {
        o.loc: OpCost(o.end - o.start, "GDMA" if o.gdma_s >= o.bdc_s else "BDC", o.bytes, o.flops)
        for o in timeline.ops
    }
    functions: dict[str, FunctionCost] = {}
    for each, lowered in analysis.modules.items():
        durations = {o.loc: o.end - o.start for o in analysis.timelines[each].ops}
        for func in lowered.walk():
            if isinstance(func, FuncOp):
                total = sum(durations.get(loc_name(op) or "", 0.0) for op in func.walk())
                cost = functions.setdefault(
                    func.sym_name.data, FunctionCost(func.sym_name.data, {})
                )
                cost.totals[each] = total
    a16 = {
        name: detail
        for op in analysis.modules[mode].walk()
        if op.name == "tpu.A16MatMul" and (name := loc_name(op)) is not None
        for detail in [_a16_detail(op, name, timeline)]
    }
    return DocumentCost(mode, ops, a16, functions)


def _a16_detail(op: Operation, name: str, timeline: Timeline) -> A16Detail:
    from ir_studio.tpu.ops_base import int_attr

    x, weight, scale, zp = (v.type for v in op.operands[:4])
    assert isinstance(x, TensorType)
    assert isinstance(weight, TensorType)
    bits = int_attr(op, "weight_bits")
    n = weight.get_shape()[0]
    k = x.get_shape()[-1]
    stored = sum(_bytes(t) for t in (weight, scale, zp) if isinstance(t, TensorType))
    steps = dict.fromkeys(A16_STEPS, 0.0)
    for instr in timeline.instrs:
        if instr.loc.split(":", 1)[0] != name:
            continue
        label = instr.loc.split(":", 1)[1] if ":" in instr.loc else ""
        if instr.kind == "load":
            steps[A16_STEPS[0] if label == "x" else A16_STEPS[1]] += instr.duration
        elif instr.kind == "cast":
            steps[A16_STEPS[2]] += instr.duration
        elif instr.kind == "scale":
            steps[A16_STEPS[3]] += instr.duration
        else:
            steps[A16_STEPS[4]] += instr.duration
    return A16Detail(
        bits=bits,
        group_size=int_attr(op, "q_group_size", 0),
        weight_shape=tuple(weight.get_shape()),
        scale_shape=tuple(scale.get_shape()) if isinstance(scale, TensorType) else None,
        zp_shape=tuple(zp.get_shape()) if isinstance(zp, TensorType) else None,
        f16_bytes=math.prod((n, k)) * 2,
        stored_bytes=stored,
        steps=tuple(steps.items()),
    )


class CostCache:
    """One `DocumentCost` per (uri, version), computed once even when several requests
    ask at the same time; older versions of a document are dropped."""

    def __init__(self, capacity: int = 16) -> None:
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[int, threading.Event, list[DocumentCost | None]]]
        self._entries = OrderedDict()
        self._capacity = capacity

    def get(self, uri: str, version: int, module: ModuleOp) -> DocumentCost | None:
        with self._lock:
            entry = self._entries.get(uri)
            owner = entry is None or entry[0] != version
            if owner:
                slot: list[DocumentCost | None] = [None]
                entry = (version, threading.Event(), slot)
                self._entries[uri] = entry
                self._entries.move_to_end(uri)
                while len(self._entries) > self._capacity:
                    self._entries.popitem(last=False)
        assert entry is not None
        _, done, result = entry
        if owner:
            try:
                result[0] = document_cost(module)
            finally:
                done.set()
        done.wait()
        return result[0]

    def peek(self, uri: str, version: int) -> DocumentCost | None:
        """The figures if they are ready, without computing or waiting."""
        with self._lock:
            entry = self._entries.get(uri)
        if entry is None or entry[0] != version or not entry[1].is_set():
            return None
        return entry[2][0]
