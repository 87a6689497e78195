"""Per-op kernel models: how a tpu op becomes GDMA and BDC instructions on a chip.

Every op is a global op (inputs in DDR, output to DDR). Work is cut into tiles that fit
half of local memory; tiles alternate between the two halves (ping-pong), so GDMA fills
one half while BDC computes on the other. Instruction order per engine follows the
software pipeline the vendor documents: GDMA `load0 | load1 | store0 + load2 | ...`,
BDC `compute0 | compute1 | ...`.

`tpu.A16MatMul` follows the five-step kernel, a RECONSTRUCTION (the vendor kernel is
closed): (1) load the activation tile, (2) load the next int8/int4 weight tile and its
scales into the other half, (3) cast it to f16, (4) multiply by the scales, (5) matmul
and store. Times come only from bytes, FLOPs and the chip's rates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from xdsl.dialects.builtin import IntegerType, TensorType
from xdsl.ir import Operation

from ir_studio.tpu.chip import Chip
from ir_studio.tpu.evaluator import loc_name
from ir_studio.tpu.ops_base import int_attr

VECTOR_OPS_PER_ELEMENT = {
    "Add": 1,
    "Sub": 1,
    "Mul": 1,
    "MulConst": 1,
    "Cast": 1,
    "SiLU": 4,
    "Softmax": 5,
    "RMSNorm": 4,
    "Rope": 6,
    "TopK": 2,
}
"""Vector-unit passes per output element (exp, divide, reductions count one each)."""


@dataclass
class Instr:
    id: int
    engine: str  # GDMA or BDC
    kind: str  # load, store, move, cast, scale, matmul, vector
    op: str
    loc: str
    bytes: int = 0
    flops: int = 0
    duration: float = 0.0
    deps: list[int] = field(default_factory=list)
    lmem: int = 0
    """Local-memory bytes this instruction's buffer holds (loads), freed by `frees`."""
    frees: list[int] = field(default_factory=list)
    """Loads whose buffers are released when this instruction ends."""
    start: float = 0.0
    end: float = 0.0


@dataclass
class Tile:
    loads: list[tuple[int, str]]
    computes: list[tuple[str, int, int]]  # (kind, flops, vector elements)
    store: int
    segments: dict[str, int] = field(default_factory=dict)
    """Contiguous DDR runs of a load, by label, when it is strided (default one)."""


def _bytes(t: object) -> int:
    assert isinstance(t, TensorType)
    element = t.element_type
    width = (
        element.width.data if isinstance(element, IntegerType) else getattr(element, "bitwidth", 32)
    )
    return math.prod(t.get_shape()) * width // 8


class Program:
    """The instruction streams of a module, built op by op."""

    def __init__(self, chip: Chip) -> None:
        self.chip = chip
        self.instrs: list[Instr] = []
        self.stores_of: dict[int, list[int]] = {}  # SSA value id -> store instr ids

    def _new(self, **kw: object) -> Instr:
        instr = Instr(id=len(self.instrs), **kw)  # pyright: ignore[reportArgumentType]  # kw are Instr's fields, by name
        self.instrs.append(instr)
        return instr

    def gdma(
        self,
        kind: str,
        op: str,
        loc: str,
        nbytes: int,
        deps: list[int],
        lmem: int = 0,
        segments: int = 1,
    ) -> Instr:
        """A transfer of `nbytes` in `segments` contiguous DDR runs."""
        chip = self.chip
        rate = chip.gdma_store_bytes_per_s if kind == "store" else chip.gdma_load_bytes_per_s
        return self._new(
            engine="GDMA",
            kind=kind,
            op=op,
            loc=loc,
            bytes=nbytes,
            duration=chip.gdma_overhead_s
            + (segments - 1) * chip.gdma_segment_overhead_s
            + nbytes / (rate * chip.ddr_efficiency),
            deps=deps,
            lmem=lmem,
        )

    def bdc(
        self, kind: str, op: str, loc: str, flops: int, elements: int, deps: list[int]
    ) -> Instr:
        chip = self.chip
        if kind == "matmul":
            cycles = flops / (2 * chip.f16_macs_per_cycle * chip.cube_efficiency)
        else:
            cycles = elements / (chip.vector_f16_elements_per_cycle * chip.vector_efficiency)
        return self._new(
            engine="BDC",
            kind=kind,
            op=op,
            loc=loc,
            flops=flops,
            duration=chip.bdc_overhead_s + cycles / chip.clock_hz,
            deps=deps,
        )

    def pipeline(self, op: Operation, tiles: list[Tile], resident: list[tuple[int, str]]) -> None:
        """Emit tiles with ping-pong halves; the op waits for its operands' stores."""
        name, loc = op.name, loc_name(op) or op.name
        ready = sorted({s for v in op.operands for s in self.stores_of.get(id(v), [])})
        resident_ids = [
            self.gdma("load", name, f"{loc}:{label}", b, ready, lmem=b).id for b, label in resident
        ]
        loads: dict[int, list[int]] = {}
        last_compute: dict[int, int] = {}
        stores: list[int] = []

        def emit_loads(i: int) -> None:
            after = [last_compute[i - 2]] if i >= 2 else []
            segments = tiles[i].segments
            loads[i] = [
                self.gdma(
                    "load", name, f"{loc}:{label}", b, ready + after, b, segments.get(label, 1)
                ).id
                for b, label in tiles[i].loads
            ]

        def emit_store(i: int) -> None:
            instr = self.gdma(
                "store",
                name,
                f"{loc}:out",
                tiles[i].store,
                [last_compute[i]],
                segments=tiles[i].segments.get("out", 1),
            )
            instr.frees = loads[i]
            stores.append(instr.id)

        emit_loads(0)
        for i in range(len(tiles)):
            previous = loads[i] + resident_ids
            for kind, flops, elements in tiles[i].computes:
                previous = [self.bdc(kind, name, loc, flops, elements, previous).id]
            last_compute[i] = previous[0] if previous else (loads[i] + resident_ids)[-1]
            if i + 1 < len(tiles):
                emit_loads(i + 1)
            emit_store(i)
        if stores and resident_ids:
            self.instrs[stores[-1]].frees = self.instrs[stores[-1]].frees + resident_ids
        for value in op.results:
            self.stores_of[id(value)] = stores


def _half(chip: Chip, resident: int) -> int:
    return max(1, (chip.lmem_bytes - resident) // 2)


def matmul_tiles(
    chip: Chip,
    m: int,
    k: int,
    n: int,
    weight_bits: int | None,
    groups: int,
) -> tuple[list[Tile], list[tuple[int, str]]]:
    """Tiles over output channels N (weight streamed once) and, if the activation does
    not fit, over rows M. weight_bits None = f16 weight."""
    x_bytes = m * k * 2
    resident = [(x_bytes, "x")] if x_bytes <= chip.lmem_bytes // 4 else []
    half = _half(chip, x_bytes if resident else 0)
    m_tile = m if resident else max(1, (half // 3) // (k * 2))
    per_channel = k * (weight_bits / 8 if weight_bits else 2) + (k * 2 if weight_bits else 0)
    per_channel += m_tile * 2 + groups * 3
    x_tile = 0 if resident else m_tile * k * 2
    n_tile = max(1, int((half - x_tile) // per_channel))
    n_tile = max(chip.lanes, n_tile // chip.lanes * chip.lanes) if n >= chip.lanes else n
    n_tile = min(n_tile, n)
    tiles: list[Tile] = []
    for n0 in range(0, n, n_tile):
        nt = min(n_tile, n - n0)
        for mi, m0 in enumerate(range(0, m, m_tile)):
            mt = min(m_tile, m - m0)
            loads: list[tuple[int, str]] = []
            computes: list[tuple[str, int, int]] = []
            segments: dict[str, int] = {}
            if not resident:
                loads.append((mt * k * 2, "x"))
            stored = (
                nt * k * (weight_bits // 8 if weight_bits == 8 else 1)
                if weight_bits
                else nt * k * 2
            )
            if weight_bits == 4:
                stored = nt * k // 2
            if mi == 0 or not resident:
                loads.append((int(stored), "weight"))
                if not weight_bits and nt < n:
                    # an F16 weight is [K, N] row-major: a tile of nt < N columns is K
                    # runs of nt elements; a quantised one is [N, K]: nt whole rows
                    segments["weight"] = k
                if weight_bits:
                    loads.append((nt * groups * (2 + (1 if weight_bits == 4 else 0)), "scales"))
                    # W4 carries zero points: the scale step subtracts, then multiplies
                    passes = 2 if weight_bits == 4 else 1
                    computes += [("cast", 0, nt * k), ("scale", 0, passes * nt * k)]
            computes.append(("matmul", 2 * mt * k * nt, 0))
            if nt < n:  # the output tile is mt runs of nt columns of [M, N]
                segments["out"] = mt
            tiles.append(Tile(loads, computes, mt * nt * 2, segments))
    return tiles, resident


def elementwise_tiles(chip: Chip, in_bytes: list[int], out_bytes: int, passes: int) -> list[Tile]:
    total = sum(in_bytes) + out_bytes
    half = _half(chip, 0)
    count = max(1, math.ceil(total / half))
    elements = out_bytes // 2
    return [
        Tile(
            [(max(1, b // count), f"in{i}") for i, b in enumerate(in_bytes)],
            [("vector", 0, max(1, elements * passes // count))],
            max(1, out_bytes // count),
        )
        for _ in range(count)
    ]


def build_program(module: Operation, chip: Chip) -> Program:
    program = Program(chip)
    for op in module.walk():
        if not op.name.startswith("tpu."):
            continue
        kind = op.name.split(".", 1)[1]
        out_bytes = _bytes(op.results[0].type) if op.results else 0
        if kind == "Reshape":
            for value in op.results:  # a view: the data stays where it is
                program.stores_of[id(value)] = program.stores_of.get(id(op.operands[0]), [])
            continue
        if kind in ("A16MatMul", "MatMul"):
            x = op.operands[0].type
            w = op.operands[1].type
            assert isinstance(x, TensorType)
            assert isinstance(w, TensorType)
            k = x.get_shape()[-1]
            if kind == "A16MatMul":
                n = w.get_shape()[0]
                bits = int_attr(op, "weight_bits")
                group = int_attr(op, "q_group_size", 0)
                groups = 1 if group == 0 else k // group
                weight_operand = True
            else:
                n = w.get_shape()[-1]
                bits, groups = None, 0
                right = op.operands[1].owner
                weight_operand = isinstance(right, Operation) and right.name == "top.Weight"
            m = math.prod(x.get_shape()[:-1])
            if not weight_operand or len(w.get_shape()) > 2:
                flops = 2 * m * k * n
                tiles = [
                    Tile(
                        [(_bytes(x), "lhs"), (_bytes(w), "rhs")], [("matmul", flops, 0)], out_bytes
                    )
                ]
                program.pipeline(op, _split(chip, tiles[0]), [])
                continue
            tiles, resident = matmul_tiles(chip, m, k, n, bits, groups)
            program.pipeline(op, tiles, resident)
            continue
        if kind in ("Permute", "Slice", "Concat", "Gather"):
            in_bytes = (
                [out_bytes]
                if kind in ("Slice", "Gather")
                else [_bytes(v.type) for v in op.operands]
            )
            tiles = elementwise_tiles(chip, in_bytes, out_bytes, 0)
            for tile in tiles:
                tile.computes = []
            program.pipeline(op, tiles, [])
            continue
        passes = VECTOR_OPS_PER_ELEMENT.get(kind, 1)
        in_bytes = [_bytes(v.type) for v in op.operands if isinstance(v.type, TensorType)]
        program.pipeline(op, elementwise_tiles(chip, in_bytes, out_bytes, passes), [])
    return program


def _split(chip: Chip, tile: Tile) -> list[Tile]:
    """A batched matmul with both operands from DDR, cut to fit half of local memory."""
    total = sum(b for b, _ in tile.loads) + tile.store
    count = max(1, math.ceil(total / _half(chip, 0)))
    return [
        Tile(
            [(max(1, b // count), label) for b, label in tile.loads],
            [(kind, flops // count, elements // count) for kind, flops, elements in tile.computes],
            max(1, tile.store // count),
        )
        for _ in range(count)
    ]
