"""Benchmark of the TPU path (not a test: figures go to the README).

    PYTHONSAFEPATH=1 python benchmarks/tpu.py [--repeat N] [--out benchmarks/out/tpu.json]

Times building, parsing, lowering and simulating the full ChatGLM2-6B (28 blocks,
embedding, lm_head) for one decode step and one 512-token prefill, per mode (targets:
decode at most 2 s, prefill at most 10 s), and the cold `ir-studio tpu estimate` command.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "tpu.json")
    args = parser.parse_args()
    from ir_studio.tpu.chip import BM1684X
    from ir_studio.tpu.files import parse_module
    from ir_studio.tpu.lowering import lower_to_tpu
    from ir_studio.tpu.model import CHATGLM2_6B, build_model
    from ir_studio.tpu.simulate import simulate

    results: dict[str, object] = {"targets": {"decode_s": 2.0, "prefill_s": 10.0}}
    for mode in ("f16", "w8a16", "w4a16"):
        for step, decode in (("decode", True), ("prefill", False)):
            times, simulated = [], 0.0
            for _ in range(args.repeat):
                start = time.perf_counter()
                text, _ = build_model(CHATGLM2_6B, decode=decode)
                module, _ = parse_module(text, "model.mlir")
                timeline = simulate(lower_to_tpu(module, mode, 64, None).module, BM1684X)
                times.append(time.perf_counter() - start)
                simulated = timeline.total_s
            results[f"{mode}.{step}"] = {
                "wall_s": statistics.median(times),
                "simulated_s": simulated,
                "instructions": len(timeline.instrs),
            }
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-P", "-m", "ir_studio", "tpu", "estimate", "--mode", mode],
            check=True,
            capture_output=True,
        )
        results[f"{mode}.estimate_cli_cold_s"] = time.perf_counter() - start
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
