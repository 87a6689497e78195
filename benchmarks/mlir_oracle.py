"""Score ir-studio against MLIR's own test files, with mlir-opt 22 as the judge.

    PYTHONSAFEPATH=1 python benchmarks/mlir_oracle.py [--dir DIR] [--json OUT] [--failures]

Reads the upstream probes in `~/.cache/ir-studio/upstream-mlir/` (copies of
llvm-project's `mlir/test/**.mlir`, fetched outside the repository; see the README
there), splits each file on `// -----` and asks mlir-opt 22 for the verdict on every
chunk: annotated chunks (`expected-error`) with `--verify-diagnostics`, the others
plainly. ir-studio then checks each chunk in a worker process (`build_document`, the
code every front end uses) under a timeout. Figures: valid chunks that check clean,
invalid chunks that get an error, and get it on an annotated line; internal errors and
timeouts. mlir-opt verdicts are cached by chunk hash, so a re-run costs only ir-studio.

`--variants` also scores what mlir-opt 22 prints for every valid chunk: the generic
form, the generic form with locations (`--mlir-print-debuginfo`), and the output of
`canonicalize,cse` and of `lower-affine,convert-scf-to-cf` (IR people get from real
pipelines); each must check clean too.

Exclusion rule (in code, `exclusion()`; each excluded chunk is counted by reason):
  * `test-dialect`: the chunk uses MLIR's `test` dialect (`test.` ops, `!test.` types,
    `#test.` attributes), which only exists in mlir-opt's test build;
  * `needs-pass`: the file's RUN line runs a pass (any flag outside `NEUTRAL_FLAGS`)
    together with `-verify-diagnostics`: its expected errors come from the pass, not
    from parsing and verifying, so they say nothing about a checker;
  * `verdict-differs`: mlir-opt 22 disagrees with the chunk's annotations (an
    annotated chunk fails `--verify-diagnostics`, or a chunk without annotations is
    rejected): the stored copy is older or newer than LLVM 22.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import re
import shlex
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

MLIR_OPT = Path("/usr/lib/llvm-22/bin/mlir-opt")
DEFAULT_DIR = Path.home() / ".cache" / "ir-studio" / "upstream-mlir"
NEUTRAL_FLAGS = frozenset({
    "split-input-file", "verify-diagnostics", "allow-unregistered-dialect",
    "mlir-print-op-generic", "verify-roundtrip", "mlir-print-debuginfo", "o",
    "mlir-print-local-scope", "mlir-disable-threading", "verify-each", "no-implicit-module",
    "mlir-print-assume-verified", "mlir-very-unsafe-disable-verifier-on-parsing",
})
_TEST_DIALECT = re.compile(r"""(?<![\w.$])(?:"test\.|test\.[a-z_]|!test\.|#test\.)""")
_SPLIT = re.compile(r"^// -----[^\n]*$", re.MULTILINE)
_EXPECTED_ERROR = re.compile(
    r"expected-error(?:-re)? *(?:@([+-][0-9]+|above|below|unknown))? *\{\{")


# -- reading the probes -------------------------------------------------------------------
@dataclass(frozen=True)
class Chunk:
    file: str
    index: int
    first_line: int
    """1-based line of the chunk's first line in the file."""
    text: str

    @property
    def annotated(self) -> bool:
        return _EXPECTED_ERROR.search(self.text) is not None

    @property
    def key(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()[:24]


def chunks_of(path: Path, root: Path) -> list[Chunk]:
    text = path.read_text(errors="replace")
    name = str(path.relative_to(root))
    chunks, start = [], 0
    for match in [*_SPLIT.finditer(text), None]:
        end = len(text) if match is None else match.start()
        first_line = text.count("\n", 0, start) + 1
        chunks.append(Chunk(name, len(chunks), first_line, text[start:end]))
        if match is not None:
            start = match.end()
    return chunks


def run_flags(text: str) -> set[str]:
    """Flags of the first mlir-opt in the file's RUN lines, without dashes or values."""
    run = " ".join(
        line.split("RUN:", 1)[1].rstrip("\\").strip()
        for line in text.splitlines() if line.lstrip().startswith("// RUN:"))
    pipeline = run.split("|")[0]
    try:
        words = shlex.split(pipeline)
    except ValueError:
        words = pipeline.split()
    return {w.lstrip("-").split("=")[0] for w in words if w.startswith("-")}


def exclusion(chunk: Chunk, flags: set[str]) -> str | None:
    """Why a chunk is not scored (None: scored). The verdict rule is applied later."""
    if _TEST_DIALECT.search(chunk.text):
        return "test-dialect"
    if chunk.annotated and "verify-diagnostics" in flags and flags - NEUTRAL_FLAGS:
        return "needs-pass"
    return None


def dialect_of(name: str) -> str:
    parts = name.split("/")
    if "Dialect" in parts and parts.index("Dialect") + 1 < len(parts):
        dialect = parts[parts.index("Dialect") + 1]
        return dialect + (" (Integration)" if "Integration" in parts else "")
    if "Conversion" in parts:
        return "Conversion"
    return "builtin (IR)"


# -- mlir-opt, cached ------------------------------------------------------------------------
class Judge:
    def __init__(self, cache_file: Path, mlir_opt: Path, timeout: float) -> None:
        self.cache_file = cache_file
        self.mlir_opt = mlir_opt
        self.timeout = timeout
        self.cache: dict[str, bool] = {}
        if cache_file.exists():
            try:
                self.cache = json.loads(cache_file.read_text())
            except ValueError:
                self.cache = {}

    def verdict(self, chunk: Chunk) -> bool:
        """True when mlir-opt agrees with the chunk: accepts an unannotated one, or
        produces exactly the annotated diagnostics."""
        key = f"{'verify' if chunk.annotated else 'plain'}:{chunk.key}"
        if key not in self.cache:
            args = [str(self.mlir_opt), "--allow-unregistered-dialect", "-o", os.devnull, "-"]
            if chunk.annotated:
                args.insert(1, "--verify-diagnostics")
            try:
                done = subprocess.run(args, input=chunk.text, capture_output=True, text=True,
                                      timeout=self.timeout)
                self.cache[key] = done.returncode == 0
            except subprocess.TimeoutExpired:
                self.cache[key] = False
        return self.cache[key]

    def save(self) -> None:
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        self.cache_file.write_text(json.dumps(self.cache, sort_keys=True))


VARIANTS: dict[str, list[str]] = {
    "generic": ["--mlir-print-op-generic"],
    "generic+loc": ["--mlir-print-op-generic", "--mlir-print-debuginfo"],
    "canonicalize,cse": ["--canonicalize", "--cse"],
    "lower-affine,scf-to-cf": ["--lower-affine", "--convert-scf-to-cf"],
}


def variant_text(judge: Judge, chunk: Chunk, name: str) -> str | None:
    """mlir-opt's print of a valid chunk (cached on disk); None when it fails."""
    folder = judge.cache_file.parent / "variants"
    target = folder / f"{chunk.key}.{name.replace(',', '_').replace('+', '_')}.mlir"
    failed = target.with_suffix(".failed")
    if target.exists():
        return target.read_text()
    if failed.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    args = [str(judge.mlir_opt), "--allow-unregistered-dialect", *VARIANTS[name], "-"]
    try:
        done = subprocess.run(args, input=chunk.text, capture_output=True, text=True,
                              timeout=judge.timeout)
    except subprocess.TimeoutExpired:
        failed.write_text("timeout")
        return None
    if done.returncode != 0:
        failed.write_text(done.stderr[:2000])
        return None
    target.write_text(done.stdout)
    return done.stdout


# -- ir-studio in a worker process ------------------------------------------------------------
def _worker(connection: Connection) -> None:
    from ir_studio.document import build_document

    while True:
        text = connection.recv()
        if text is None:
            return
        try:
            document = build_document("chunk.mlir", 0, text)
            found = []
            for d in document.diagnostics:
                line = document.lines.position(d.span.start).line + 1
                found.append((int(d.severity), line, d.category, d.message))
            connection.send(("ok", found))
        except BaseException as error:  # a crash is a finding, not the end of the run
            connection.send(("crash", f"{type(error).__name__}: {error}"))


class Checker:
    """One long-lived worker; killed and replaced when a chunk exceeds the timeout."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.context = multiprocessing.get_context("fork")
        self.process: multiprocessing.process.BaseProcess | None = None
        self.connection: Connection | None = None

    def _start(self) -> None:
        parent, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        self.connection = parent

    def check(self, text: str) -> tuple[str, object]:
        if self.process is None or not self.process.is_alive():
            self._start()
        assert self.connection is not None
        assert self.process is not None
        self.connection.send(text)
        if self.connection.poll(self.timeout):
            try:
                return self.connection.recv()
            except EOFError:
                self.process = None
                return ("crash", "worker died")
        self.process.kill()
        self.process.join()
        self.process = None
        return ("timeout", None)

    def close(self) -> None:
        if self.process is not None and self.process.is_alive():
            assert self.connection is not None
            self.connection.send(None)
            self.process.join(5)
            if self.process.is_alive():
                self.process.kill()


# -- scoring ----------------------------------------------------------------------------------
@dataclass
class Outcome:
    file: str
    chunk: int
    line: int
    kind: str
    """valid | invalid | excluded:<reason>"""
    status: str
    """clean, false-error, on-line, wrong-line, missed, timeout, crash (or the exclusion)."""
    internal: bool = False
    first: str = ""
    expected_lines: list[int] = field(default_factory=list)


def expected_error_lines(text: str) -> list[int]:
    from ir_studio.verify_diagnostics import parse_expectations

    expectations, _ = parse_expectations(text)
    return sorted({e.line + 1 for e in expectations if e.kind == "error" and e.line is not None})


def score(chunk: Chunk, checker: Checker) -> Outcome:
    kind = "invalid" if chunk.annotated else "valid"
    state, payload = checker.check(chunk.text)
    outcome = Outcome(chunk.file, chunk.index, chunk.first_line, kind, "")
    if kind == "invalid":
        outcome.expected_lines = expected_error_lines(chunk.text)
    if state != "ok":
        outcome.status = state
        outcome.first = str(payload or "")
        outcome.internal = state == "crash"
        return outcome
    found = payload  # type: ignore[assignment]
    errors = [f for f in found if f[0] == 1]  # type: ignore[union-attr]
    outcome.internal = any(f[2] == "internal" or f[3].startswith("internal error")
                           for f in found)  # type: ignore[union-attr]
    if errors:
        outcome.first = f"{errors[0][1]}: {errors[0][3]}"
    if kind == "valid":
        outcome.status = "false-error" if errors else "clean"
    elif not errors:
        outcome.status = "missed"
        outcome.first = "expected error on line " + ", ".join(map(str, outcome.expected_lines))
    elif not outcome.expected_lines or {e[1] for e in errors} & set(outcome.expected_lines):
        outcome.status = "on-line"
    else:
        outcome.status = "wrong-line"
        outcome.first += f" (expected line {', '.join(map(str, outcome.expected_lines))})"
    return outcome


@dataclass
class Tally:
    valid: int = 0
    clean: int = 0
    invalid: int = 0
    flagged: int = 0
    on_line: int = 0
    internal: int = 0
    timeouts: int = 0
    excluded: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.kind.startswith("variant"):
            return
        if outcome.kind.startswith("excluded"):
            self.excluded += 1
            return
        self.internal += outcome.internal
        self.timeouts += outcome.status == "timeout"
        if outcome.kind == "valid":
            self.valid += 1
            self.clean += outcome.status == "clean"
        else:
            self.invalid += 1
            self.flagged += outcome.status in ("on-line", "wrong-line")
            self.on_line += outcome.status == "on-line"


def _pct(part: int, whole: int) -> str:
    if not whole:
        return f"{part}/{whole}"
    percent = 100 * part / whole
    # Never round a miss up to 100% (608/611 is 99.5%, not 100%).
    shown = f"{percent:.1f}" if part != whole and percent >= 99.5 else f"{percent:.0f}"
    return f"{part}/{whole} ({shown}%)"


def table(rows: dict[str, Tally], title: str) -> str:
    header = f"{title:<58} {'valid clean':>15} {'invalid flagged':>16} {'on line':>15} " \
             f"{'internal':>8} {'timeout':>7} {'excl':>5}"
    lines = [header, "-" * len(header)]
    for name, t in rows.items():
        lines.append(f"{name[-58:]:<58} {_pct(t.clean, t.valid):>15} "
                     f"{_pct(t.flagged, t.invalid):>16} {_pct(t.on_line, t.invalid):>15} "
                     f"{t.internal:>8} {t.timeouts:>7} {t.excluded:>5}")
    return "\n".join(lines)


def probe_files(root: Path) -> Iterator[Path]:
    yield from sorted(p for p in root.rglob("*.mlir") if ".oracle-cache" not in p.parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the upstream probes")
    parser.add_argument("--mlir-opt", type=Path, default=MLIR_OPT)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every outcome here")
    parser.add_argument("--failures", action="store_true",
                        help="list each failing chunk with ir-studio's first diagnostic")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per chunk")
    parser.add_argument("--only", metavar="SUBSTRING", help="score files whose path has this")
    parser.add_argument("--variants", action="store_true",
                        help="also score mlir-opt's generic/located/pipeline output of "
                        "every valid chunk")
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"no probes at {args.dir}: fetch llvm-project's mlir/test files there first",
              file=sys.stderr)
        return 2
    if not args.mlir_opt.exists():
        print(f"mlir-opt not found at {args.mlir_opt}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    judge = Judge(args.dir / ".oracle-cache" / "verdicts.json", args.mlir_opt, args.timeout)
    scored: list[tuple[Chunk, str | None]] = []
    for path in probe_files(args.dir):
        if args.only and args.only not in str(path):
            continue
        text = path.read_text(errors="replace")
        flags = run_flags(text)
        scored.extend((c, exclusion(c, flags)) for c in chunks_of(path, args.dir))
    pending = [c for c, reason in scored if reason is None]
    with ThreadPoolExecutor(max_workers=2) as pool:
        verdicts = dict(zip((c.key + str(c.annotated) for c in pending),
                            pool.map(judge.verdict, pending), strict=True))
    judge.save()
    import ir_studio.document  # noqa: F401  (the forked worker starts with it loaded)

    checker = Checker(args.timeout)
    outcomes: list[Outcome] = []
    try:
        for chunk, reason in scored:
            if reason is None and not verdicts[chunk.key + str(chunk.annotated)]:
                reason = "verdict-differs"
            if reason is not None:
                outcomes.append(Outcome(chunk.file, chunk.index, chunk.first_line,
                                        f"excluded:{reason}", reason))
                continue
            outcomes.append(score(chunk, checker))
            if args.variants and not chunk.annotated:
                for name in VARIANTS:
                    text = variant_text(judge, chunk, name)
                    if text is None:
                        continue
                    variant = Chunk(chunk.file, chunk.index, chunk.first_line, text)
                    outcome = score(variant, checker)
                    outcome.kind = f"variant:{name}"
                    outcomes.append(outcome)
    finally:
        checker.close()
    by_file: dict[str, Tally] = defaultdict(Tally)
    by_dialect: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    reasons: dict[str, int] = defaultdict(int)
    for outcome in outcomes:
        by_file[outcome.file].add(outcome)
        by_dialect[dialect_of(outcome.file)].add(outcome)
        total.add(outcome)
        if outcome.kind.startswith("excluded"):
            reasons[outcome.status] += 1
    print(table(dict(by_file), "file"))
    print()
    print(table(dict(sorted(by_dialect.items())) | {"TOTAL": total}, "dialect"))
    variants: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for outcome in outcomes:
        if outcome.kind.startswith("variant:"):
            counts = variants[outcome.kind.removeprefix("variant:")]
            counts[0] += outcome.status == "clean"
            counts[1] += 1
            counts[2] += outcome.internal
    if variants:
        print("\nmlir-opt 22's output of the valid chunks (each must check clean):")
        for name, (clean, count, internal) in variants.items():
            print(f"  {name:<24} {_pct(clean, count):>18}   internal {internal}")
    print(f"\nexcluded: {dict(sorted(reasons.items()))}; "
          f"{len(outcomes)} chunks in {time.perf_counter() - started:.1f} s")
    if args.failures:
        print("\nfailures:")
        for o in outcomes:
            if o.status in ("false-error", "missed", "wrong-line", "timeout", "crash") \
                    or o.internal:
                tag = o.status + (" +internal" if o.internal and o.status != "crash" else "")
                where = o.kind.removeprefix("variant:") + " of " if o.kind.startswith(
                    "variant:") else ""
                print(f"  {where}{o.file}#{o.chunk} (line {o.line}) {tag}: {o.first}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "total": asdict(total),
            "dialects": {k: asdict(v) for k, v in sorted(by_dialect.items())},
            "files": {k: asdict(v) for k, v in by_file.items()},
            "excluded": dict(reasons),
            "variants": {k: dict(zip(("clean", "total", "internal"), v, strict=True))
                         for k, v in variants.items()},
            "outcomes": [asdict(o) for o in outcomes],
        }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
