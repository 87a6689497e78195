"""`ir-studio tpu lower | compare | sample`: the TPU-MLIR style W8A16 path."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ir_studio.cli.check import load
from ir_studio.cli.exit_codes import ExitCode
from ir_studio.cli.render import render_all


def add_parser(commands: argparse._SubParsersAction) -> None:
    tpu = commands.add_parser(
        "tpu",
        help="TPU-MLIR style lowering, numerics, samples",
        description="The W8A16 TPU path: lower top -> tpu, compare "
        "numerics, write the sample GLMBlock.",
    )
    sub = tpu.add_subparsers(dest="tpu_command", metavar="SUBCOMMAND")
    lower = sub.add_parser("lower", help="lower a top-dialect module to tpu")
    lower.add_argument("file", metavar="TOP.mlir")
    lower.add_argument("--mode", choices=["f16", "w8a16", "w4a16"], default="w8a16")
    lower.add_argument("--group-size", type=int, default=64, help="W4A16 group size (K)")
    lower.add_argument(
        "-o",
        "--output",
        metavar="OUT.mlir",
        help="default: next to the input, named after the mode",
    )
    compare = sub.add_parser("compare", help="compare a top and a tpu module numerically")
    compare.add_argument("top", metavar="TOP.mlir")
    compare.add_argument("tpu", metavar="TPU.mlir")
    compare.add_argument(
        "--inputs", metavar="inputs.npz", help="default: random inputs with a fixed seed"
    )
    compare.add_argument(
        "--tolerance",
        default="0.99,0.90",
        help="minimum cosine,euclidean similarity of the outputs",
    )
    compare.add_argument("--all", action="store_true", help="list every op, not only the worst")
    simulate = sub.add_parser("simulate", help="simulate a tpu module on the chip model")
    simulate.add_argument("file", metavar="FILE.mlir")
    simulate.add_argument(
        "--mode",
        choices=["f16", "w8a16", "w4a16"],
        default="w8a16",
        help="lowering used when FILE is still a top module",
    )
    simulate.add_argument("--chip", metavar="CHIP.json", help="default: built-in BM1684X")
    simulate.add_argument("--json", action="store_true", help="summary and per-op rows as JSON")
    simulate.add_argument("--trace", metavar="OUT.json", help="Chrome Trace Event file")
    estimate = sub.add_parser("estimate", help="prefill and decode time of a whole model")
    estimate.add_argument(
        "--model",
        default="chatglm2-6b",
        help="a preset (chatglm2-6b) or a Hugging Face style config.json",
    )
    estimate.add_argument("--mode", choices=["f16", "w8a16", "w4a16"], default="w8a16")
    estimate.add_argument(
        "--seq", type=int, help="sequence length (default: the model's, at most 512)"
    )
    estimate.add_argument("--group-size", type=int, default=64)
    estimate.add_argument("--chip", metavar="CHIP.json", help="default: built-in BM1684X")
    estimate.add_argument("--json", action="store_true")
    sample = sub.add_parser("sample", help="write the sample GLMBlock and its weights")
    sample.add_argument("folder", nargs="?", default=".")


def run_tpu(args: argparse.Namespace) -> int:
    if args.tpu_command == "lower":
        return _lower(args)
    if args.tpu_command == "compare":
        return _compare(args)
    if args.tpu_command == "simulate":
        return _simulate(args)
    if args.tpu_command == "estimate":
        return _estimate(args)
    if args.tpu_command == "sample":
        from ir_studio.tpu.samples import write_samples

        for path in write_samples(Path(args.folder)):
            print(path)
        return ExitCode.OK
    print(
        "ir-studio: error: tpu needs a subcommand (lower, compare, simulate, estimate, sample)",
        file=sys.stderr,
    )
    return ExitCode.USAGE


def _load(path: str):
    from ir_studio.tpu.files import TPUFileError, load_weights, parse_module

    source = load(path)
    if source is None:
        return None, None, ExitCode.USAGE
    module, diagnostics = parse_module(source.text, source.name)
    if module is None:
        from ir_studio.source import LineIndex

        print(render_all(source.name, LineIndex(source.text), diagnostics), file=sys.stderr)
        return None, None, ExitCode.DIAGNOSTICS
    try:
        weights = load_weights(module, Path(path))
    except TPUFileError as error:
        print(f"ir-studio: error: {error}", file=sys.stderr)
        return None, None, ExitCode.USAGE
    return module, weights, ExitCode.OK


def _lower(args: argparse.Namespace) -> int:
    from ir_studio.printing import print_ir
    from ir_studio.tpu.files import save_weights
    from ir_studio.tpu.lowering import LoweringError, lower_to_tpu

    module, weights, code = _load(args.file)
    if module is None:
        return code
    source = Path(args.file)
    output = (
        Path(args.output)
        if args.output
        else source.with_name(f"{source.stem}_tpu_{args.mode}.mlir")
    )
    npz = output.with_name(f"{output.stem}_weight.npz")
    try:
        lowered = lower_to_tpu(module, args.mode, args.group_size, weights, npz.name)
    except LoweringError as error:
        where = f" at {error.op.location}" if error.op is not None else ""
        print(f"{args.file}: error: {error}{where}", file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    output.write_text(print_ir(lowered.module, debuginfo=True), encoding="utf-8")
    if lowered.weights is not None:
        save_weights(npz, lowered.weights)
    print(_report(lowered.report, args.mode))
    if lowered.weights is None:
        print(f"note: {args.file} has no weight file; wrote a shape-only module", file=sys.stderr)
    print(
        f"wrote {output}" + (f" and {npz}" if lowered.weights is not None else ""), file=sys.stderr
    )
    return ExitCode.OK


def _mib(n: int) -> str:
    return f"{n / 2**20:10.3f}"


def _report(rows: list, mode: str) -> str:
    lines = [
        f"weights of the matmuls, mode {mode} (MiB)",
        f"{'matmul':<44} {'K x N':>13} {'f16':>10} {'stored':>10} {'scales':>10} {'zp':>10}",
    ]
    for r in rows:
        lines.append(
            f"{r.name:<44} {f'{r.k}x{r.n}':>13} {_mib(r.f16_bytes)} {_mib(r.weight_bytes)}"
            f" {_mib(r.scale_bytes)} {_mib(r.zp_bytes)}"
        )
    total = [
        sum(getattr(r, f) for r in rows)
        for f in ("f16_bytes", "weight_bytes", "scale_bytes", "zp_bytes")
    ]
    lines.append(
        f"{'total':<44} {'':>13} {_mib(total[0])} {_mib(total[1])} {_mib(total[2])}"
        f" {_mib(total[3])}"
    )
    return "\n".join(lines)


def _compare(args: argparse.Namespace) -> int:
    import numpy as np

    from ir_studio.tpu.compare import compare_named, similarity
    from ir_studio.tpu.evaluator import EvaluationError, evaluate
    from ir_studio.tpu.inputs import random_inputs

    try:
        cos_min, euc_min = (float(x) for x in args.tolerance.split(","))
    except ValueError:
        print("ir-studio: error: --tolerance takes two numbers, e.g. 0.99,0.90", file=sys.stderr)
        return ExitCode.USAGE
    top, top_weights, code = _load(args.top)
    if top is None:
        return code
    tpu, tpu_weights, code = _load(args.tpu)
    if tpu is None:
        return code
    if top_weights is None or tpu_weights is None:
        missing = args.top if top_weights is None else args.tpu
        print(
            f"{missing}: error: numerics need the weight file named by module.weight_file; "
            "this module is shape-only",
            file=sys.stderr,
        )
        return ExitCode.DIAGNOSTICS
    if args.inputs:
        try:
            with np.load(args.inputs) as data:
                inputs = {k: data[k] for k in data.files}
        except (OSError, ValueError) as error:
            print(f"ir-studio: error: cannot read {args.inputs}: {error}", file=sys.stderr)
            return ExitCode.USAGE
    else:
        inputs = random_inputs(top, seed=0)
    try:
        ref_out, ref_named = evaluate(top, inputs, top_weights)
        out, named = evaluate(tpu, inputs, tpu_weights)
    except EvaluationError as error:
        where = f" at {error.op.location}" if error.op is not None else ""
        print(f"ir-studio: error: {error}{where}", file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    ops = compare_named(ref_named, named)
    outputs = [
        similarity(f"output #{i}", a, b) for i, (a, b) in enumerate(zip(ref_out, out, strict=True))
    ]
    shown = ops if args.all else sorted(ops, key=lambda s: s.cosine)[:10]
    print(f"{'tensor':<48} {'cosine':>10} {'euclidean':>10}")
    for s in shown:
        print(f"{s.name:<48} {s.cosine:10.6f} {s.euclidean:10.6f}")
    print(f"{len(ops)} ops compared" + ("" if args.all else " (the 10 least similar shown)"))
    failed = False
    for s in outputs:
        verdict = "PASS" if s.passes(cos_min, euc_min) else "FAIL"
        failed |= verdict == "FAIL"
        print(f"{s.name:<48} {s.cosine:10.6f} {s.euclidean:10.6f}  {verdict}")
    print(f"thresholds: cosine >= {cos_min}, euclidean >= {euc_min}")
    return ExitCode.DIAGNOSTICS if failed else ExitCode.OK


def _chip(path: str | None):
    from ir_studio.tpu.chip import BM1684X, load_chip

    if path is None:
        return BM1684X
    try:
        return load_chip(Path(path))
    except (OSError, ValueError, TypeError) as error:
        raise SystemExit(_usage(f"cannot load chip description {path}: {error}")) from None


def _usage(message: str) -> int:
    print(f"ir-studio: error: {message}", file=sys.stderr)
    return ExitCode.USAGE


def _simulate(args: argparse.Namespace) -> int:
    import json

    from ir_studio.tpu.lowering import lower_to_tpu
    from ir_studio.tpu.simulate import simulate

    module, _, code = _load(args.file)
    if module is None:
        return code
    chip = _chip(args.chip)
    lowered_note = ""
    if any(
        op.name.startswith("top.") and op.name not in ("top.Weight", "top.Input", "top.None")
        for op in module.walk()
    ):
        module = lower_to_tpu(module, args.mode, 64, None).module
        lowered_note = f" (lowered from top with {args.mode})"
    timeline = simulate(module, chip)
    if args.trace:
        Path(args.trace).write_text(timeline.chrome_trace(), encoding="utf-8")
    summary = timeline.summary()
    if args.json:
        rows = [vars(op) for op in timeline.ops]
        print(json.dumps({"summary": summary, "ops": rows}, indent=2))
        return ExitCode.OK
    print(
        f"{chip.name}{lowered_note}: {summary['total_s'] * 1e3:.3f} ms, "
        f"{summary['instructions']} instructions"
    )
    print(
        f"  GDMA busy {summary['gdma_busy_s'] * 1e3:.3f} ms "
        f"({summary['gdma_utilisation']:.0%}), BDC busy {summary['bdc_busy_s'] * 1e3:.3f} ms "
        f"({summary['bdc_utilisation']:.0%}), both at once {summary['overlap_s'] * 1e3:.3f} ms"
    )
    print(
        f"  loaded {summary['bytes_loaded'] / 2**20:.2f} MiB, stored "
        f"{summary['bytes_stored'] / 2**20:.2f} MiB, {summary['flops'] / 1e9:.3f} GFLOP"
    )
    print(f"  {'op':<48} {'ms':>9} {'GDMA ms':>9} {'BDC ms':>9} {'MiB':>9}")
    for op in sorted(timeline.ops, key=lambda o: o.end - o.start, reverse=True)[:15]:
        print(
            f"  {op.loc:<48} {(op.end - op.start) * 1e3:9.3f} {op.gdma_s * 1e3:9.3f} "
            f"{op.bdc_s * 1e3:9.3f} {op.bytes / 2**20:9.2f}"
        )
    if args.trace:
        print(
            f"wrote {args.trace} (open in https://ui.perfetto.dev or chrome://tracing)",
            file=sys.stderr,
        )
    return ExitCode.OK


def _estimate(args: argparse.Namespace) -> int:
    import json

    from ir_studio.tpu.estimate import PRESETS, config_from_json, estimate

    if args.model in PRESETS:
        from dataclasses import replace

        cfg = PRESETS[args.model]
        if args.seq:
            cfg = replace(cfg, seq=args.seq)
    else:
        try:
            cfg = config_from_json(Path(args.model), args.seq)
        except (OSError, ValueError, KeyError) as error:
            return _usage(f"cannot read model config {args.model}: {error}")
    result = estimate(cfg, args.mode, _chip(args.chip), args.group_size)
    data = result.as_dict()
    if args.json:
        print(json.dumps(data, indent=2))
        return ExitCode.OK
    print(
        f"{args.model}, {args.mode}, sequence {cfg.seq}, {cfg.layers} layers "
        "(simulated; the A16MatMul kernel is a reconstruction)"
    )
    print(f"  prefill            {data['prefill_s'] * 1e3:10.1f} ms")
    print(
        f"  decode per token   {data['decode_s_per_token'] * 1e3:10.2f} ms "
        f"({data['decode_tokens_per_s']:.2f} tokens/s)"
    )
    print(f"  weights            {data['weight_bytes'] / 1e9:10.3f} GB")
    print(f"  KV cache (f16)     {data['kv_cache_bytes'] / 2**20:10.1f} MiB")
    return ExitCode.OK
