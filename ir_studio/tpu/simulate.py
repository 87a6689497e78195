"""Event simulation of the GDMA and BDC engines and the timeline it produces.

Each engine runs its own instruction stream in order; an instruction starts when its
engine is free and every instruction it depends on has ended. The result holds every
instruction with its start and end, engine busy time and utilisation, the time both
engines were busy at once (overlap), bytes moved, FLOPs, and a per-op breakdown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TypedDict

from xdsl.ir import Operation

from ir_studio.tpu.chip import Chip
from ir_studio.tpu.kernels import Instr, Program, build_program


@dataclass
class OpSummary:
    op: str
    loc: str
    start: float
    end: float
    gdma_s: float = 0.0
    bdc_s: float = 0.0
    bytes: int = 0
    flops: int = 0


class TimelineSummary(TypedDict):
    """The JSON summary of a timeline, typed so its readers can do arithmetic on it."""

    chip: str
    total_s: float
    gdma_busy_s: float
    bdc_busy_s: float
    gdma_utilisation: float
    bdc_utilisation: float
    overlap_s: float
    bytes_loaded: int
    bytes_stored: int
    flops: int
    instructions: int


@dataclass
class Timeline:
    chip: Chip
    instrs: list[Instr]
    total_s: float
    busy_s: dict[str, float]
    overlap_s: float
    bytes_loaded: int
    bytes_stored: int
    flops: int
    ops: list[OpSummary] = field(default_factory=list)

    def utilisation(self, engine: str) -> float:
        return self.busy_s[engine] / self.total_s if self.total_s else 0.0

    def summary(self) -> TimelineSummary:
        return {
            "chip": self.chip.name,
            "total_s": self.total_s,
            "gdma_busy_s": self.busy_s["GDMA"],
            "bdc_busy_s": self.busy_s["BDC"],
            "gdma_utilisation": self.utilisation("GDMA"),
            "bdc_utilisation": self.utilisation("BDC"),
            "overlap_s": self.overlap_s,
            "bytes_loaded": self.bytes_loaded,
            "bytes_stored": self.bytes_stored,
            "flops": self.flops,
            "instructions": len(self.instrs),
        }

    def chrome_trace(self) -> str:
        """Chrome Trace Event JSON (Perfetto, chrome://tracing): one row per engine."""
        events: list[dict[str, object]] = [
            {"name": "process_name", "ph": "M", "pid": 1, "args": {"name": self.chip.name}},
            {"name": "thread_name", "ph": "M", "pid": 1, "tid": 1, "args": {"name": "GDMA"}},
            {"name": "thread_name", "ph": "M", "pid": 1, "tid": 2, "args": {"name": "BDC"}},
            {"name": "thread_name", "ph": "M", "pid": 1, "tid": 3, "args": {"name": "ops"}},
        ]
        for i in self.instrs:
            events.append(
                {
                    "name": f"{i.kind} {i.op.split('.', 1)[-1]}",
                    "cat": i.engine,
                    "ph": "X",
                    "pid": 1,
                    "tid": 1 if i.engine == "GDMA" else 2,
                    "ts": i.start * 1e6,
                    "dur": (i.end - i.start) * 1e6,
                    "args": {"op": i.op, "loc": i.loc, "bytes": i.bytes, "flops": i.flops},
                }
            )
        for op in self.ops:
            events.append(
                {
                    "name": op.loc,
                    "cat": "op",
                    "ph": "X",
                    "pid": 1,
                    "tid": 3,
                    "ts": op.start * 1e6,
                    "dur": (op.end - op.start) * 1e6,
                    "args": {"op": op.op, "bytes": op.bytes, "flops": op.flops},
                }
            )
        return json.dumps({"traceEvents": events, "displayTimeUnit": "ns"})


def _busy_intervals(instrs: list[Instr], engine: str) -> list[tuple[float, float]]:
    return [(i.start, i.end) for i in instrs if i.engine == engine]


def _overlap(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> float:
    i = j = 0
    total = 0.0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def run(program: Program) -> Timeline:
    """Start each instruction when its engine is free and its dependencies have ended.

    Every engine runs its stream in order and every dependency is an earlier
    instruction, so one pass in program order gives each start time directly (the same
    times an event loop that always advances the earliest-ready engine would find)."""
    instrs = program.instrs
    free = {"GDMA": 0.0, "BDC": 0.0}
    ends = [0.0] * len(instrs)
    for index, instr in enumerate(instrs):
        if instr.id != index:
            raise RuntimeError(f"instruction {instr.id} is out of program order")
        start = free[instr.engine]
        for dep in instr.deps:
            if dep >= index:
                raise RuntimeError(f"instruction {index} depends on a later one ({dep})")
            if ends[dep] > start:
                start = ends[dep]
        instr.start, instr.end = start, start + instr.duration
        ends[index] = free[instr.engine] = instr.end
    total = max((i.end for i in instrs), default=0.0)
    busy = {e: sum(i.duration for i in instrs if i.engine == e) for e in ("GDMA", "BDC")}
    overlap = _overlap(
        sorted(_busy_intervals(instrs, "GDMA")), sorted(_busy_intervals(instrs, "BDC"))
    )
    ops: dict[str, OpSummary] = {}
    for i in instrs:
        key = i.loc.split(":", 1)[0]
        summary = ops.get(key)
        if summary is None:
            summary = ops[key] = OpSummary(i.op, key, i.start, i.end)
        summary.start, summary.end = min(summary.start, i.start), max(summary.end, i.end)
        if i.engine == "GDMA":
            summary.gdma_s += i.duration
        else:
            summary.bdc_s += i.duration
        summary.bytes += i.bytes
        summary.flops += i.flops
    return Timeline(
        program.chip,
        instrs,
        total,
        busy,
        overlap,
        sum(i.bytes for i in instrs if i.kind in ("load", "move")),
        sum(i.bytes for i in instrs if i.kind == "store"),
        sum(i.flops for i in instrs),
        list(ops.values()),
    )


def simulate(module: Operation, chip: Chip) -> Timeline:
    return run(build_program(module, chip))
