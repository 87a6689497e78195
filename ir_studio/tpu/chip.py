"""A chip description for the simulator; BM1684X is built in, others load from JSON.

Every number is documented with where it comes from (tpu-reference.md §5 quotes the
sources: TPU-MLIR's BM1684X.h and the vendor profiler documentation). The two fixed
overheads are not published; they are estimates, labelled as such, and apply equally to
every op and mode (no per-model or per-mode factors anywhere).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

GIB = 2**30


@dataclass(frozen=True)
class Chip:
    name: str
    lanes: int
    lmem_bytes_per_lane: int
    lmem_banks: int
    clock_hz: float
    f16_macs_per_cycle: int
    int8_macs_per_cycle: int
    vector_f16_elements_per_cycle: int
    """Element-wise throughput: lanes x 32 f16 elements per lane per cycle."""
    gdma_load_bytes_per_s: float
    """DDR -> local memory."""
    gdma_store_bytes_per_s: float
    """Local memory -> DDR."""
    gdma_overhead_s: float
    bdc_overhead_s: float
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def lmem_bytes(self) -> int:
        return self.lanes * self.lmem_bytes_per_lane

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


BM1684X = Chip(
    name="BM1684X",
    lanes=64,
    lmem_bytes_per_lane=256 * 1024,
    lmem_banks=16,
    clock_hz=1.0e9,
    f16_macs_per_cycle=8192,
    int8_macs_per_cycle=16384,
    vector_f16_elements_per_cycle=64 * 32,
    gdma_load_bytes_per_s=58 * GIB,
    gdma_store_bytes_per_s=44 * GIB,
    gdma_overhead_s=1.0e-6,
    bdc_overhead_s=0.5e-6,
    sources={
        "lanes": "TPU-MLIR BM1684X.h: NPU_NUM = 64",
        "lmem_bytes_per_lane": "TPU-MLIR BM1684X.h: LMEM 256 KiB per lane, 16 banks",
        "clock_hz": "vendor profiler: 1000 MHz",
        "f16_macs_per_cycle": "16 TFLOPS FP16 peak at 1 GHz = 8,192 MACs/cycle",
        "int8_macs_per_cycle": "32 TOPS INT8 peak at 1 GHz = 16,384 MACs/cycle",
        "vector_f16_elements_per_cycle": "64 bytes per lane per cycle = 32 f16 x 64 lanes",
        "gdma_load_bytes_per_s": "GDMA DDR->LMEM theoretical 58 GiB/s (profiler docs)",
        "gdma_store_bytes_per_s": "GDMA LMEM->DDR theoretical 44 GiB/s (profiler docs)",
        "gdma_overhead_s": "estimate (not published): 1 us per GDMA instruction",
        "bdc_overhead_s": "estimate (not published): 0.5 us per BDC instruction",
    },
)


def load_chip(path: Path) -> Chip:
    """A chip from a JSON file with the same fields (users describe other chips)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Chip(**data)
