"""`ir-studio tpu lower | compare | sample`: the TPU-MLIR style W8A16 path."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ir_studio.cli.check import load
from ir_studio.cli.exit_codes import ExitCode
from ir_studio.cli.render import render_all
from ir_studio.tpu.modes import MODE_NAMES, Mode

KEEP_F16_HELP = (
    "comma-separated layers that stay F16 in the quantised modes, matched by whole dotted "
    "name components (e.g. lm_head,embedding)"
)


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
    lower.add_argument("--mode", choices=MODE_NAMES, default=Mode.W8A16.value)
    lower.add_argument("--group-size", type=int, default=64, help="W4A16 group size (K)")
    lower.add_argument("--keep-f16", metavar="NAMES", default="", help=KEEP_F16_HELP)
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
        choices=MODE_NAMES,
        default=Mode.W8A16.value,
        help="lowering used when FILE is still a top module",
    )
    simulate.add_argument("--keep-f16", metavar="NAMES", default="", help=KEEP_F16_HELP)
    simulate.add_argument("--chip", metavar="CHIP.json", help="default: built-in BM1684X")
    simulate.add_argument("--json", action="store_true", help="summary and per-op rows as JSON")
    simulate.add_argument("--trace", metavar="OUT.json", help="Chrome Trace Event file")
    estimate = sub.add_parser("estimate", help="prefill and decode time of a whole model")
    estimate.add_argument(
        "--model",
        default="chatglm2-6b",
        help="a preset (chatglm2-6b) or a Hugging Face style config.json",
    )
    estimate.add_argument(
        "--mode",
        choices=[*MODE_NAMES, "all"],
        default=Mode.W8A16.value,
        help="a mode, or all three",
    )
    estimate.add_argument(
        "--keep-f16",
        metavar="NAMES",
        help=KEEP_F16_HELP + "; default: the preset's deployment (chatglm2-6b: "
        "embedding,lm_head), none for a config.json; '' quantises every linear",
    )
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
    from ir_studio.tpu.lowering import parse_layer_names

    try:
        lowered = lower_to_tpu(
            module,
            args.mode,
            args.group_size,
            weights,
            npz.name,
            keep_f16=parse_layer_names(args.keep_f16),
        )
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

    from ir_studio.tpu.analysis import analyse, describe
    from ir_studio.tpu.lowering import LoweringError, parse_layer_names

    module, _, code = _load(args.file)
    if module is None:
        return code
    chip = _chip(args.chip)
    try:
        analysis = analyse(module, [args.mode], chip, keep_f16=parse_layer_names(args.keep_f16))
    except LoweringError as error:
        where = f" at {error.op.location}" if error.op is not None else ""
        print(f"{args.file}: error: {error}{where}", file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    mode, timeline = next(iter(analysis.timelines.items()))
    if args.trace:
        Path(args.trace).write_text(timeline.chrome_trace(), encoding="utf-8")
    if args.json:
        rows = [vars(op) for op in timeline.ops]
        print(json.dumps({"summary": timeline.summary(), "ops": rows}, indent=2))
        return ExitCode.OK
    lowered_note = f" (lowered from top with {mode.value})" if analysis.lowered_from_top else ""
    print(describe(timeline, f"{chip.name}{lowered_note}"))
    if args.trace:
        print(
            f"wrote {args.trace} (open in https://ui.perfetto.dev or chrome://tracing)",
            file=sys.stderr,
        )
    return ExitCode.OK


def _estimate(args: argparse.Namespace) -> int:
    import json

    from ir_studio.tpu.estimate import PRESETS, config_from_json, estimate
    from ir_studio.tpu.lowering import LoweringError, parse_layer_names

    keep: tuple[str, ...] = ()
    if args.model in PRESETS:
        from dataclasses import replace

        cfg, keep = PRESETS[args.model].config, PRESETS[args.model].keep_f16
        if args.seq:
            cfg = replace(cfg, seq=args.seq)
    else:
        try:
            cfg = config_from_json(Path(args.model), args.seq)
        except (OSError, ValueError, KeyError) as error:
            return _usage(f"cannot read model config {args.model}: {error}")
    if args.keep_f16 is not None:
        keep = parse_layer_names(args.keep_f16)
    if args.seq is not None and args.seq <= 0:
        return _usage(f"--seq must be positive, not {args.seq}")
    modes = list(Mode) if args.mode == "all" else [Mode(args.mode)]
    chip = _chip(args.chip)
    try:
        results = [estimate(cfg, mode, chip, args.group_size, keep) for mode in modes]
    except LoweringError as error:
        return _usage(str(error))
    data = [result.as_dict() for result in results]
    if args.json:
        print(json.dumps(data if args.mode == "all" else data[0], indent=2))
        return ExitCode.OK
    kept = ", ".join(keep) if keep else "none"
    print(
        f"{args.model}, sequence {cfg.seq}, {cfg.layers} layers, kept F16: {kept} "
        "(simulated; the A16MatMul kernel is a reconstruction)"
    )
    for result in results:
        decode = result.decode.total_s
        print(f"{result.mode.value}:")
        print(f"  prefill            {result.prefill.total_s * 1e3:10.1f} ms")
        print(f"  decode per token   {decode * 1e3:10.2f} ms ({1 / decode:.2f} tokens/s)")
        for name, phase in (("prefill", result.prefill), ("decode", result.decode)):
            f = phase.figures
            print(
                f"    {name:<8} GDMA {f['gdma_busy_s'] * 1e3:9.1f} ms, "
                f"BDC {f['bdc_busy_s'] * 1e3:9.1f} ms, both {f['overlap_s'] * 1e3:9.1f} ms, "
                f"host {phase.host_s * 1e3:6.1f} ms"
            )
        print(f"  weights            {result.weight_bytes / 1e9:10.3f} GB")
        print(f"  KV cache (f16)     {result.kv_cache_bytes / 2**20:10.1f} MiB")
    return ExitCode.OK
