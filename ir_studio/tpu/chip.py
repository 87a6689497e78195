"""A chip description for the simulator; BM1684X is built in, others load from JSON.

Every number is documented with where it comes from (tpu-reference.md §5 quotes the
sources: TPU-MLIR's BM1684X.h and the vendor profiler documentation). Three are
calibrated against sophon-demo's measured ChatGLM2-6B figures (F16 and W8A16, prefill and
decode) and say so; two overheads are unpublished estimates, labelled as such. All apply
equally to every op and mode: there are no per-mode or per-model factors anywhere, the
differences between modes come from bytes, layouts (contiguous runs), FLOPs and overlap.
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
    """Issue cost of one GDMA instruction (descriptor fetch, address setup)."""
    bdc_overhead_s: float
    """Issue cost of one BDC (TIU) instruction."""
    ddr_efficiency: float = 1.0
    """Fraction of the GDMA peak a long contiguous DDR transfer reaches."""
    gdma_segment_overhead_s: float = 0.0
    """Cost of each further contiguous DDR run of a strided transfer (a row of a tile
    cut out of a wider row-major matrix): a new burst, often a DDR page switch."""
    cube_efficiency: float = 1.0
    """Fraction of the peak F16 MAC rate a tiled matmul reaches on the cube."""
    vector_efficiency: float = 1.0
    """Fraction of the peak element rate element-wise work (cast, scale, norms) reaches."""
    host_s_per_launch: float = 0.0
    """Host-side time per network launch (bmrt launch, synchronisation, output copy)."""
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def lmem_bytes(self) -> int:
        return self.lanes * self.lmem_bytes_per_lane

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    def parameters(self) -> dict[str, object]:
        """Every parameter with its value and its source (for `tpu estimate --json`)."""
        data = asdict(self)
        sources = data.pop("sources")
        parameters: dict[str, object] = {
            key: {"value": value, "source": sources.get(key, "")}
            for key, value in data.items()
            if key != "name"
        }
        for key, source in sources.items():  # what is derived rather than a number
            if key not in data:
                parameters[key] = {"value": "derived", "source": source}
        return parameters


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
    gdma_overhead_s=0.2e-6,
    bdc_overhead_s=0.5e-6,
    ddr_efficiency=0.95,
    gdma_segment_overhead_s=4.2e-9,
    cube_efficiency=0.88,
    vector_efficiency=1.0,
    host_s_per_launch=0.1e-3,
    sources={
        "lanes": "TPU-MLIR BM1684X.h: NPU_NUM = 64",
        "lmem_bytes_per_lane": "TPU-MLIR BM1684X.h: LMEM 256 KiB per lane, 16 banks",
        "lmem_banks": "TPU-MLIR BM1684X.h: 16 banks of 16 KiB",
        "clock_hz": "vendor profiler: 1000 MHz (the GDMA figures below are quoted at it)",
        "f16_macs_per_cycle": "16 TFLOPS FP16 peak at 1 GHz = 8,192 MACs/cycle",
        "int8_macs_per_cycle": "32 TOPS INT8 peak at 1 GHz = 16,384 MACs/cycle",
        "vector_f16_elements_per_cycle": "64 bytes per lane per cycle = 32 f16 x 64 lanes",
        "gdma_load_bytes_per_s": "GDMA DDR->LMEM theoretical 58 GiB/s (profiler docs)",
        "gdma_store_bytes_per_s": "GDMA LMEM->DDR theoretical 44 GiB/s (profiler docs)",
        "gdma_overhead_s": "estimate (not published): about 200 cycles of descriptor fetch "
        "and address setup per GDMA command; with ~10,000 commands per decode step it is "
        "2 ms of a token, so the fit below barely depends on it",
        "bdc_overhead_s": "estimate (not published): 0.5 us per BDC instruction; hidden "
        "under the GDMA in decode, 0.1% of prefill",
        "ddr_efficiency": "CALIBRATED: 0.95 of the GDMA peak (55 GiB/s) on long contiguous "
        "transfers. Fitted, with the two parameters below, by least squares on the log "
        "errors of sophon-demo's ChatGLM2-6B BM1684X figures (seq 512): F16 1.21 s prefill, "
        "3.96 tokens/s; W8A16 0.89 s, 8.64 tokens/s. Pinned by W8A16 decode, whose quantised "
        "weights are read as whole [N, K] rows. TPU-MLIR's LlmProfile assumes 0.8 of "
        "64 GiB/s at 950 MHz for decode and lands 11% slow on W8A16",
        "gdma_segment_overhead_s": "CALIBRATED (same fit): 4.2 ns (about 260 bytes of "
        "transfer time) per further contiguous DDR run of a strided load or store. An F16 "
        "weight stays [K, N] row-major, so a tile of N_t < N columns is K runs of N_t "
        "elements; a quantised weight is transposed to [N, K] and a tile is one run. This "
        "is what makes F16 decode slower per byte than W8A16 (the measured 2.18 ratio "
        "against 1.91 in bytes)",
        "cube_efficiency": "CALIBRATED (same fit): 0.88 of the F16 peak on the tiled "
        "matmuls; pinned by prefill, where the GDMA (weights re-read once per M tile when "
        "the activation does not fit a quarter of LMEM) and the cube share the time",
        "vector_efficiency": "not fitted: the element-wise unit at its rate (64 B/lane/cycle); "
        "the A16 kernel's cast and scale steps cost one pass each over the weight tile "
        "(W4 with zero points: two for the scale step, subtract then multiply)",
        "host_s_per_launch": "TPU-MLIR LlmProfile: 0.1 ms per network launch/interrupt "
        "(pcie_avg_ms); a step launches the embedding, each block and lm_head (30 for "
        "ChatGLM2-6B); the sampled token id is the only copy back (TopK runs on the chip)",
        "prefill weight re-reads": "derived from LMEM by kernels.matmul_tiles, not a "
        "parameter: a [M, K] f16 activation that fits a quarter of LMEM stays resident and "
        "the weights stream once (ChatGLM2 QKV, dense, h_to_4h at M = 512, K = 4096); "
        "otherwise the op tiles M to a third of a half (102 rows for dense_4h_to_h, "
        "K = 13696) and reads its weights once per M tile (6 times)",
        "modelled in the graph": "lm_head (read whole every decode step, F16 in the "
        "deployed configuration), the KV cache (each block's Concat reads the history and "
        "writes history + 1; the attention matmuls read it back), embedding (a Gather of "
        "one row per token)",
    },
)


def load_chip(path: Path) -> Chip:
    """A chip from a JSON file with the same fields (users describe other chips)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Chip(**data)
