"""Benchmark of the Toy path (not a test: figures go to the README).

    PYTHONSAFEPATH=1 python benchmarks/toy.py [--repeat N] [--out benchmarks/out/toy.json]

Measures cold `ir-studio run` on the Ch6 sample (a fresh process, as a user runs it;
target: at most 2 s), then in process the time of each stage: Toy parse and IR
generation, every pass of `toy-to-llvm`, LLVM IR emission, JIT compilation and the run.
LLVM 22's `lli` on the emitted IR is measured in the same run when installed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
LLI = Path("/usr/lib/llvm-22/bin/lli")


def timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "toy.json")
    args = parser.parse_args()
    sample = Path(str(resources.files("ir_studio.sample_ir").joinpath("toy", "ch6_llvm.toy")))
    cold = [
        timed(lambda: subprocess.run([sys.executable, "-P", "-m", "ir_studio", "run", str(sample)],
                                     check=True, capture_output=True))
        for _ in range(args.repeat)
    ]
    from ir_studio.execution.jit import run_llvm_ir
    from ir_studio.llvm_emit import emit_llvm_ir
    from ir_studio.pipeline import resolve_pipeline, run_pipeline
    from ir_studio.toy.frontend import compile_toy

    stages: dict[str, list[float]] = {}

    def add(name: str, seconds: float) -> None:
        stages.setdefault(name, []).append(seconds)

    text = sample.read_text()
    llvm_ir = ""
    for _ in range(args.repeat):
        start = time.perf_counter()
        program = compile_toy(text, sample.name)
        add("parse + irgen", time.perf_counter() - start)
        assert program.module is not None
        run = run_pipeline(program.module, resolve_pipeline("toy-to-llvm"), record_ir=False)
        assert run.failed is None, run.failed
        for i, step in enumerate(run.steps):
            add(f"{i + 1:02d} {step.pass_name}", step.seconds)
        start = time.perf_counter()
        llvm_ir = emit_llvm_ir(program.module)
        add("emit LLVM IR", time.perf_counter() - start)
        result = run_llvm_ir(llvm_ir)
        add("JIT compile", result.compile_seconds)
        add("JIT run", result.run_seconds)
    results: dict[str, object] = {
        "cold_run_s": {"best": min(cold), "median": statistics.median(cold)},
        "stages_s_median": {k: statistics.median(v) for k, v in stages.items()},
        "target_cold_run_s": 2.0,
    }
    if LLI.exists():
        with tempfile.NamedTemporaryFile("w", suffix=".ll", delete=False) as handle:
            handle.write(llvm_ir)
        lli = [timed(lambda: subprocess.run([str(LLI), handle.name], check=True,
                                            capture_output=True)) for _ in range(args.repeat)]
        results["lli_s"] = {"best": min(lli), "median": statistics.median(lli)}
        Path(handle.name).unlink()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
