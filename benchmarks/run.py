"""Benchmark harness for the IR core (not a test: figures go to the README).

    python benchmarks/run.py [--repeat N] [--out benchmarks/out/core.json]

(A script, not `-m`: xDSL's wheel installs a top-level package named `benchmarks`.)

Measures, on the two standard inputs: cold `ir-studio check` (a fresh process, as a
user runs it), in-process parse, verify and print, the build the language server makes
on open, the re-check after a one-line edit in one function through the per-item cache,
and mlir-opt on the same input in the same run when it is installed. Best of N runs; the
JSON has the ratios, and under "cpu_s" the best CPU seconds of each measure.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from inputs_gen import write_inputs  # noqa: E402

MLIR_OPT = "/usr/lib/llvm-22/bin/mlir-opt"


CPU: dict[str, float] = {}
"""Per measure, the best CPU seconds (this process's threads, plus the child processes
it waited for): on a loaded shared machine wall times also count waiting for a core."""


def _cpu_now() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best(repeat: int, action: Callable[[], object], name: str = "") -> float:
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu_now()
        action()
        times.append(time.perf_counter() - start)
        cpu.append(_cpu_now() - start_cpu)
    if name:
        CPU[name] = min(cpu)
    return min(times)


def cold_check(path: Path) -> None:
    subprocess.run([sys.executable, "-P", "-m", "ir_studio", "check", str(path)],
                   check=False, capture_output=True)


def mlir_opt(path: Path) -> str | None:
    found = MLIR_OPT if Path(MLIR_OPT).exists() else shutil.which("mlir-opt")
    if found is None:
        return None
    return found


def measure(name: str, path: Path, repeat: int) -> dict[str, Any]:
    from ir_studio.context import shared_context
    from ir_studio.document import ItemCache, build_document
    from ir_studio.items import split_items
    from ir_studio.parse_item import parse_item, private_module, verify_records
    from ir_studio.printing import print_ir

    text = path.read_text()
    result: dict[str, Any] = {}
    result["cold_check_s"] = best(repeat, name="cold_check_s", action=lambda: cold_check(path))
    ctx = shared_context()
    items = split_items(text, 0, len(text))

    def parse_all() -> None:
        for item in items:
            parse_item(ctx, text[item.start : item.end], str(path), {}, None)

    result["parse_s"] = best(repeat, name="parse_s", action=parse_all)
    document = build_document(str(path), 0, text)
    assert not document.diagnostics, document.diagnostics[:3]

    # Verification alone: parse without checking once, then verify every recorded op
    # (what a build does after parsing; items are immutable, so no re-check in place).
    unchecked = [parse_item(ctx, text[i.start : i.end], str(path), {}, None, check=False)
                 for i in items]
    for parsed in unchecked:
        if parsed.op is not None:
            private_module(None).body.block.add_op(parsed.op)

    def verify_only() -> None:
        for parsed in unchecked:
            verify_records(parsed.record.ops, frozenset())

    result["verify_s"] = best(repeat, name="verify_s", action=verify_only)
    module = document.modules()[0]
    result["print_s"] = best(repeat, name="print_s", action=lambda: print_ir(module))
    result["build_document_s"] = best(repeat, name="build_document_s",
                                      action=lambda: build_document(str(path), 0, text))
    # What the language server does on open: a build through a fresh item cache (items
    # keep their ops private, no file locations), without the publish.
    result["open_build_s"] = best(
        repeat, lambda: build_document(str(path), 1, text, cache=ItemCache()), "open_build_s")
    cache = ItemCache()
    build_document(str(path), 1, text, cache=cache)
    # A one-line edit inside one function (the middle one): each run edits anew, so
    # the edited function is always a cache miss and re-parsed.
    line_end = text.find("\n", text.find("%5 = ", len(text) // 2))
    counter = iter(range(2, 10_000))

    def edit() -> None:
        version = next(counter)
        edited = f"{text[:line_end]} // edit {version}{text[line_end:]}"
        build_document(str(path), version, edited, cache=cache)

    result["recheck_after_edit_s"] = best(repeat, name="recheck_after_edit_s", action=edit)
    oracle = mlir_opt(path)
    if oracle is not None:
        result["mlir_opt_s"] = best(repeat, name="mlir_opt_s", action=lambda: subprocess.run(
            [oracle, str(path), "-o", "/dev/null"], check=True, capture_output=True))
        result["cold_check_vs_mlir_opt"] = result["cold_check_s"] / result["mlir_opt_s"]
    else:
        result["mlir_opt_s"] = None
    result["cpu_s"] = dict(CPU)
    CPU.clear()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "core.json")
    args = parser.parse_args()
    inputs = write_inputs(HERE / "inputs")
    results = {name: measure(name, path, args.repeat) for name, path in inputs.items()}
    results["targets"] = {"cold_check_s": 1.5, "recheck_after_edit_s (funcs)": 0.05}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
