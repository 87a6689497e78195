"""The CLI as users run it: real subprocesses, real exit codes, real output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

VALID = "func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %a : i32\n  return %0 : i32\n}\n"
INVALID = "func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %zz : i32\n  return %0 : i32\n}\n"


def run(*args: str, stdin: str | bytes | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run([sys.executable, "-P", "-m", "ir_studio", *args], input=data,
                            capture_output=True, timeout=120, env=env)
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode(), result.stderr.decode())


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "ok.mlir").write_text(VALID)
    (tmp_path / "bad.mlir").write_text(INVALID)
    (tmp_path / "bin.mlir").write_bytes(b"\x00\x01\x02binary")
    return tmp_path


def test_check_clean_file_exits_0(files: Path) -> None:
    result = run("check", str(files / "ok.mlir"))
    assert (result.returncode, result.stderr) == (0, "")


def test_check_reports_file_line_col_source_and_caret(files: Path) -> None:
    result = run("check", str(files / "bad.mlir"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"{files / 'bad.mlir'}:2:23: error: use of undeclared SSA value name '%zz'"
    assert lines[1] == "  %0 = arith.addi %a, %zz : i32"
    assert lines[2] == " " * 22 + "^~~"
    assert "Traceback" not in result.stderr


def test_check_reads_stdin() -> None:
    result = run("check", "-", stdin=INVALID)
    assert result.returncode == 1
    assert result.stderr.startswith("<stdin>:2:23: error:")


def test_check_missing_file_is_a_usage_error(files: Path) -> None:
    result = run("check", str(files / "nope.mlir"))
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_binary_file_is_a_diagnostic(files: Path) -> None:
    result = run("check", str(files / "bin.mlir"))
    assert result.returncode == 1
    assert "binary file" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_several_files_exit_with_the_worst(files: Path) -> None:
    assert run("check", str(files / "ok.mlir"), str(files / "bad.mlir")).returncode == 1
    assert run("check", str(files / "bad.mlir"), str(files / "nope")).returncode == 2


def test_lower_with_flat_pipeline_and_dumps(files: Path) -> None:
    src = files / "cse.mlir"
    src.write_text("func.func @f(%a: f32) -> f32 {\n  %0 = arith.addf %a, %a : f32\n"
                   "  %1 = arith.addf %a, %a : f32\n  %2 = arith.mulf %0, %1 : f32\n"
                   "  return %2 : f32\n}\n")
    result = run("lower", str(src), "--pass-pipeline", "cse,arith-add-fastmath{flags=fast}",
                 "--print-ir-after-all")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("arith.addf") == 1
    assert "fastmath<fast>" in result.stdout
    assert "// -----// IR Dump After CommonSubexpressionElimination (cse) //----- //" in result.stderr
    assert "(arith-add-fastmath{flags=fast}) //----- //" in result.stderr


def test_lower_print_after_change_skips_unchanged_passes(files: Path) -> None:
    result = run("lower", str(files / "ok.mlir"), "--pass-pipeline", "cse,dce",
                 "--print-ir-after-change")
    assert result.returncode == 0
    assert "IR Dump After" not in result.stderr


def test_lower_nested_pipeline_syntax_and_output_file(files: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.mlir"
    result = run("lower", str(files / "ok.mlir"), "--pass-pipeline",
                 "builtin.module(func.func(cse),canonicalize)", "-o", str(out), "--generic")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert '"func.func"' in out.read_text()


def test_lower_unknown_pass_lists_close_matches(files: Path) -> None:
    result = run("lower", str(files / "ok.mlir"), "--pass-pipeline", "canonicalise")
    assert result.returncode == 2
    assert ("unknown pass or pipeline 'canonicalise'; did you mean canonicalize"
            in result.stderr)


def test_lower_timing_table(files: Path) -> None:
    result = run("lower", str(files / "ok.mlir"), "--pass-pipeline", "cse", "--timing")
    assert result.returncode == 0
    assert "Execution time report" in result.stderr
    assert " cse" in result.stderr


def test_lower_invalid_input_exits_1_without_output(files: Path) -> None:
    result = run("lower", str(files / "bad.mlir"), "--pass-pipeline", "cse")
    assert (result.returncode, result.stdout) == (1, "")


def test_lower_bundled_sample_runs_default_pipeline() -> None:
    result = run("lower")
    assert result.returncode == 0, result.stderr
    assert "cf.cond_br" in result.stdout
    assert "scf.for" not in result.stdout


def test_emit_llvm_refuses_non_llvm_modules(files: Path) -> None:
    result = run("lower", str(files / "ok.mlir"), "--emit", "llvm")
    assert result.returncode == 1
    assert "not in the llvm dialect" in result.stderr


def test_emit_llvm_translates_llvm_dialect(files: Path) -> None:
    src = files / "l.mlir"
    src.write_text("llvm.func @add(%a: i32, %b: i32) -> i32 {\n"
                   "  %0 = llvm.add %a, %b : i32\n  llvm.return %0 : i32\n}\n")
    result = run("lower", str(src), "--emit", "llvm")
    assert result.returncode == 0, result.stderr
    import llvmlite.binding as llvm

    module = llvm.parse_assembly(result.stdout)
    module.verify()
    assert module.get_function("add").name == "add"
    assert "add i32" in result.stdout


def test_passes_lists_passes_and_pipelines() -> None:
    result = run("passes")
    assert result.returncode == 0
    assert "lower-to-cf" in result.stdout
    assert "\n  canonicalize " in result.stdout


def test_help_and_version() -> None:
    for sub in ("check", "lower", "passes"):
        assert run(sub, "--help").returncode == 0
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("ir-studio ")


def test_usage_error_exits_2() -> None:
    assert run("lower", "--emit", "wasm").returncode == 2


def test_batch_exit_skips_teardown_but_keeps_all_output(files: Path) -> None:
    """Batch commands end with os._exit: output still sitting in a block buffer (stdout
    to a pipe, no PYTHONUNBUFFERED) must be flushed first, or a short result is lost."""
    buffered = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    result = run("lower", str(files / "ok.mlir"), "--pass-pipeline", "cse",
                 "--print-ir-after-all", env=buffered)
    assert result.returncode == 0, result.stderr
    assert "arith.addi" in result.stdout
    assert result.stdout.rstrip().endswith("}")
    assert "// -----// IR Dump After" in result.stderr
    assert result.stderr.rstrip().endswith("}")


def test_console_script_keeps_exit_codes(files: Path) -> None:
    script = Path(sys.executable).parent / "ir-studio"
    if not script.exists():
        pytest.skip("console script not installed next to this interpreter")
    bad = subprocess.run([str(script), "check", str(files / "bad.mlir")], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 1
    assert ":2:23: error:" in bad.stderr
    missing = subprocess.run([str(script), "check", str(files / "nope.mlir")],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2


LLVM_IR = ('@.fmt = private constant [4 x i8] c"%d\\0A\\00"\ndeclare i32 @printf(ptr, ...)\n'
           "define i32 @main() {\n  %r = call i32 (ptr, ...) @printf(ptr @.fmt, i32 7)\n"
           "  ret i32 0\n}\n")


def test_llvm_ir_files_are_checked_run_and_not_lowered_as_llvm_ir(tmp_path: Path) -> None:
    """`check prog.ll` used to parse LLVM IR as MLIR ("unknown operation 'define'")."""
    path = tmp_path / "prog.ll"
    path.write_text(LLVM_IR)
    assert (run("check", str(path)).returncode, run("check", str(path)).stderr) == (0, "")
    assert run("run", str(path)).stdout == "7\n"
    lowered = run("lower", str(path), "--pipeline", "cse")
    assert lowered.returncode == 2
    assert "is LLVM IR: there is no MLIR to lower" in lowered.stderr
    path.write_text(LLVM_IR.replace("ret i32 0", "ret i32 %q"))
    broken = run("check", str(path))
    assert broken.returncode == 1
    assert broken.stderr.startswith(f"{path}:5:11: error: use of undefined value '%q'")


def test_any_pass_or_named_pipeline_goes_to_either_option(files: Path) -> None:
    for option in ("--pipeline", "--pass-pipeline"):
        for spec in ("cleanup", "cse", "canonicalize,cse"):
            result = run("lower", str(files / "ok.mlir"), option, spec)
            assert result.returncode == 0, (option, spec, result.stderr)
