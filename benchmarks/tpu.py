"""Benchmark of the TPU path (not a test: figures go to the README).

    PYTHONSAFEPATH=1 python benchmarks/tpu.py [--repeat N] [--out benchmarks/out/tpu.json]

Times (1) `tpu estimate` for all three modes, in process and as a cold command (target:
under 2 s), (2) building, lowering and simulating the full ChatGLM2-6B (28 blocks,
embedding, lm_head) for one decode step and one 512-token prefill, per mode (targets:
decode at most 2 s, prefill at most 10 s), and prints (3) the calibration table of the
README: measured figures, ir-studio's estimate, TPU-MLIR's LlmProfile and a naive
roofline, each with its error.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

MEASURED = {  # sophon-demo ChatGLM2-6B, BM1684X, C++ demo, seq 512: prefill s, tokens/s
    "f16": (1.21, 3.96),
    "w8a16": (0.89, 8.64),
}
LLMPROFILE = {  # tpu-mlir python/llm/LlmProfile.py for bm1684x, computed by llm_profile()
    "f16": None,
    "w8a16": None,
}


def llm_profile(mode: str) -> tuple[float, float]:
    """TPU-MLIR's LlmProfile formulas for bm1684x (16 TFLOPS, 64 GiB/s at 950 MHz; MAC/DDR
    utilisation 0.5/0.3 prefill, 0.2/0.8 decode; 0.1 ms per interrupt, 2 per layer) on
    ChatGLM2-6B's shapes with lm_head F16: (prefill s, decode tokens/s)."""
    h, inter, nh, nkv, layers, vocab, seq, hd = 4096, 13696, 32, 2, 28, 65024, 512, 128
    tflops, bw, freq = 16.0, 64.0, 950

    def tiu(flops: float, util: float, tf: float = tflops) -> float:
        return flops / (tf * 1024e9) / (freq / 1000) / util

    def dma(nbytes: float, util: float) -> float:
        return nbytes / 2**30 / bw / (freq / 1000) / util

    def matmul(m: int, k: int, n: int, quant: str) -> tuple[float, float]:
        io = 2 * (m * k + m * n)
        weight = 2 * k * n if quant == "f16" else k * n + 3 * k * n / 64
        return 2 * m * k * n, io + weight

    def phase(prefill: bool) -> float:
        m = seq if prefill else 1
        n = seq if prefill else seq + 1
        attention = (
            2 * nh * m * hd * n * 2,
            2 * nh * m * hd * 2 + 2 * nkv * hd * n * 2 + 2 * m * n,
        )
        ops = [
            matmul(m, h, nh * hd, mode),
            matmul(m, h, nkv * hd, mode),
            matmul(m, h, nkv * hd, mode),
            attention,
            matmul(m, nh * hd, h, mode),
            matmul(m, h, inter, mode),
            matmul(m, h, inter, mode),
            matmul(m, inter, h, mode),
        ]
        mac, ddr, tf = (0.5, 0.3, tflops) if prefill else (0.2, 0.8, tflops / 4)
        block = sum(max(dma(b, ddr), tiu(f, mac, tf)) for f, b in ops) * layers
        lm_flops, lm_bytes = matmul(1, h, vocab, "f16")
        lm_head = max(dma(lm_bytes, 0.8), tiu(lm_flops, 0.5, tflops / 4))
        return block + lm_head + 0.1e-3 * layers * 2

    return phase(True), 1.0 / phase(False)


def calibration() -> dict[str, object]:
    from ir_studio.tpu.chip import BM1684X
    from ir_studio.tpu.estimate import PRESETS, estimate

    preset = PRESETS["chatglm2-6b"]
    cfg = preset.config
    table: dict[str, object] = {}
    for mode in ("f16", "w8a16", "w4a16"):
        got = estimate(cfg, mode, BM1684X, 64, preset.keep_f16)
        # naive roofline: weights read per step over the GDMA peak; prefill: FLOPs at peak
        lm_head = cfg.hidden * cfg.vocab * 2
        block_weights = got.weight_bytes - 2 * lm_head  # minus the F16 embedding and lm_head
        roofline_decode = (block_weights + lm_head) / BM1684X.gdma_load_bytes_per_s
        roofline_prefill = got.prefill.figures["flops"] / (
            2 * BM1684X.f16_macs_per_cycle * BM1684X.clock_hz
        )
        row = {
            "ir-studio": (got.prefill.total_s, 1 / got.decode.total_s),
            "roofline": (roofline_prefill, 1 / roofline_decode),
        }
        if mode in MEASURED:
            row["measured"] = MEASURED[mode]
            row["LlmProfile"] = llm_profile(mode)
        table[mode] = row
    return table


def _print_table(table: dict[str, object]) -> None:
    print("| mode | source | prefill (s) | error | decode (tokens/s) | error |")
    print("| --- | --- | --- | --- | --- | --- |")
    for mode, row in table.items():
        measured = row.get("measured")  # type: ignore[attr-defined]
        for source in ("measured", "ir-studio", "LlmProfile", "roofline"):
            if source not in row:  # type: ignore[operator]
                continue
            prefill, decode = row[source]  # type: ignore[index]
            if measured is None or source == "measured":
                pe = de = "—" if measured is None or source != "measured" else ""
            else:
                pe = f"{prefill / measured[0] - 1:+.0%}"
                de = f"{decode / measured[1] - 1:+.0%}"
            print(f"| {mode} | {source} | {prefill:.2f} | {pe} | {decode:.2f} | {de} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "tpu.json")
    args = parser.parse_args()
    from ir_studio.tpu.chip import BM1684X
    from ir_studio.tpu.estimate import PRESETS, _top_model, estimate
    from ir_studio.tpu.lowering import lower_to_tpu
    from ir_studio.tpu.model import CHATGLM2_6B, build_model
    from ir_studio.tpu.simulate import simulate

    results: dict[str, object] = {
        "targets": {"estimate_all_modes_s": 2.0, "decode_s": 2.0, "prefill_s": 10.0}
    }
    preset = PRESETS["chatglm2-6b"]
    times = []
    for _ in range(args.repeat):
        _top_model.cache_clear()
        start = time.perf_counter()
        for mode in ("f16", "w8a16", "w4a16"):
            estimate(preset.config, mode, BM1684X, 64, preset.keep_f16)
        times.append(time.perf_counter() - start)
    results["estimate_all_modes_in_process_s"] = statistics.median(times)
    cold = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-P", "-m", "ir_studio", "tpu", "estimate", "--mode", "all"],
            check=True,
            capture_output=True,
        )
        cold.append(time.perf_counter() - start)
    results["estimate_all_modes_cli_cold_s"] = statistics.median(cold)
    for mode in ("f16", "w8a16", "w4a16"):
        for step, decode in (("decode", True), ("prefill", False)):
            start = time.perf_counter()
            module = build_model(CHATGLM2_6B, decode=decode).module
            timeline = simulate(lower_to_tpu(module, mode, 64, None).module, BM1684X)
            results[f"full_model.{mode}.{step}"] = {
                "wall_s": time.perf_counter() - start,
                "simulated_s": timeline.total_s,
                "instructions": len(timeline.instrs),
            }
    table = calibration()
    results["calibration"] = table
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps({k: v for k, v in results.items() if k != "calibration"}, indent=2))
    _print_table(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
