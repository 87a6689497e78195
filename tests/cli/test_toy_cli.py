"""`ir-studio run` and `ir-studio lower` on Toy programs, as users run them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.toy.helpers import SAMPLES

BAD = "def main() {\n  var a = [1, 2];\n  print(x);\n}\n"
RECURSIVE = "def f(a) {\n  return f(a);\n}\n\ndef main() {\n  print(f([1]));\n}\n"
LLVM_DIALECT = """\
llvm.mlir.global internal constant @fmt("%d\\0A\\00") {addr_space = 0 : i32}
llvm.func @printf(!llvm.ptr, ...) -> i32
llvm.func @main() -> i32 {
  %0 = llvm.mlir.constant(40 : i32) : i32
  %1 = llvm.mlir.constant(2 : i32) : i32
  %2 = llvm.add %0, %1 : i32
  %3 = llvm.mlir.addressof @fmt : !llvm.ptr
  %4 = llvm.call @printf(%3, %2) vararg(!llvm.func<i32 (!llvm.ptr, ...)>) : (!llvm.ptr, i32) -> i32
  %5 = llvm.mlir.constant(0 : i32) : i32
  llvm.return %5 : i32
}
"""


def test_run_prints_exactly_what_the_program_prints() -> None:
    result = run("run", str(SAMPLES / "ch6_llvm.toy"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (SAMPLES / "ch6_llvm.out").read_text()
    assert result.stderr == ""


def test_run_reports_toy_errors_with_location_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "bad.toy").write_text(BAD)
    result = run("run", str(tmp_path / "bad.toy"))
    assert result.returncode == 1
    assert f"{tmp_path / 'bad.toy'}:3:9: error: unknown variable 'x'" in result.stderr
    assert "  print(x);\n        ^" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failing_pass_is_placed_at_the_toy_line(tmp_path: Path) -> None:
    """Inlining fails while checking the file (as in the editor): `run` and `check`
    report it at the Toy line, with the same words."""
    path = tmp_path / "rec.toy"
    path.write_text(RECURSIVE)
    result = run("run", str(path))
    assert result.returncode == 1
    assert f"{path}:2:10: error: recursive call to 'f' cannot be inlined" in result.stderr
    assert "  return f(a);\n         ^" in result.stderr
    assert run("check", str(path)).stderr == result.stderr


def test_run_missing_file_is_a_usage_error() -> None:
    result = run("run", "/nonexistent/prog.toy")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_run_an_llvm_dialect_module(tmp_path: Path) -> None:
    (tmp_path / "p.mlir").write_text(LLVM_DIALECT)
    result = run("run", str(tmp_path / "p.mlir"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "42\n"


@pytest.mark.parametrize("emit", ["mlir", "mlir-affine"])
def test_run_a_module_saved_at_toy_or_affine_level(tmp_path: Path, emit: str) -> None:
    lowered = run("lower", str(SAMPLES / "ch5_affine.toy"), "--emit", emit)
    assert lowered.returncode == 0, lowered.stderr
    (tmp_path / "saved.mlir").write_text(lowered.stdout)
    result = run("run", str(tmp_path / "saved.mlir"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (SAMPLES / "ch5_affine.out").read_text()


def test_emit_levels_follow_toyc() -> None:
    toy = str(SAMPLES / "ch6_llvm.toy")
    ast = run("lower", toy, "--emit", "ast")
    assert ast.stdout.startswith("  Module:\n    Function \n      Proto 'multiply_transpose'")
    mlir = run("lower", toy, "--emit", "mlir")
    assert "toy.generic_call @multiply_transpose" in mlir.stdout
    opt = run("lower", toy, "--emit", "mlir", "--opt")
    assert "toy.generic_call" not in opt.stdout
    assert "tensor<3x2xf64>" in opt.stdout
    affine = run("lower", toy, "--emit", "mlir-affine")
    assert "affine.for" in affine.stdout
    assert "toy.print" in affine.stdout
    llvm_dialect = run("lower", toy, "--emit", "mlir-llvm")
    assert "llvm.call @printf" in llvm_dialect.stdout
    assert "affine." not in llvm_dialect.stdout
    ll = run("lower", toy, "--emit", "llvm")
    assert 'declare i32 @"printf"(ptr %".1", ...)' in ll.stdout
    assert all(r.returncode == 0 for r in (ast, mlir, opt, affine, llvm_dialect, ll))


def test_emit_ast_needs_toy(tmp_path: Path) -> None:
    (tmp_path / "a.mlir").write_text("func.func @f() {\n  func.return\n}\n")
    result = run("lower", str(tmp_path / "a.mlir"), "--emit", "ast")
    assert result.returncode == 2
    assert "--emit ast needs a .toy file" in result.stderr


def test_check_each_step_reports_every_step() -> None:
    result = run("lower", str(SAMPLES / "ch7_struct.toy"), "--emit", "llvm", "--check-each-step")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("step")]
    assert lines[0].startswith("step  0 input")
    assert "[toy-evaluator] reference" in lines[0]
    assert "[jit] same output" in lines[-1]
    assert all("OUTPUT CHANGED" not in line for line in lines)


def test_check_understands_toy_files(tmp_path: Path) -> None:
    (tmp_path / "bad.toy").write_text(BAD)
    result = run("check", str(tmp_path / "bad.toy"), str(SAMPLES / "ch1_ast.toy"))
    assert result.returncode == 1
    assert result.stderr.count("error:") == 1


def test_full_conversion_failure_names_the_op_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.mlir"
    path.write_text('func.func @main() {\n  %0 = arith.constant 1 : i32\n'
                    '  "foo.op"(%0) : (i32) -> ()\n  func.return\n}\n')
    result = run("lower", str(path), "--pass-pipeline", "lower-to-llvm")
    assert result.returncode == 1
    assert (f"{path}:3:3: error: pass 'lower-to-llvm' failed: "
            "failed to legalize operation 'foo.op'") in result.stderr


def test_run_refuses_split_files(tmp_path: Path) -> None:
    path = tmp_path / "s.mlir"
    path.write_text("func.func @main() {\n  func.return\n}\n// -----\n"
                    "func.func @g() {\n  func.return\n}\n")
    result = run("run", str(path))
    assert result.returncode == 2
    assert "`// -----` splits" in result.stderr


def test_check_each_step_exit_code_when_a_pass_changes_the_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dataclasses import dataclass

    from xdsl.dialects.builtin import ModuleOp
    from xdsl.passes import ModulePass

    from ir_studio.cli.main import main
    from ir_studio.toy import dialect as toy
    from ir_studio.transforms import PROJECT_PASSES

    @dataclass(frozen=True)
    class Miscompile(ModulePass):
        """Doubles the first toy.constant: a pass that changes what the program prints."""

        name = "test-miscompile"

        def apply(self, ctx: object, op: ModuleOp) -> None:
            from xdsl.dialects.builtin import DenseIntOrFPElementsAttr

            const = next(o for o in op.walk() if isinstance(o, toy.ConstantOp))
            values = [2 * v for v in const.value.get_values()]
            const.value = DenseIntOrFPElementsAttr.from_list(const.value.type, values)

    monkeypatch.setitem(PROJECT_PASSES, "test-miscompile", lambda: Miscompile)
    code = main(["lower", str(SAMPLES / "ch6_llvm.toy"), "--check-each-step",
                 "--pass-pipeline", "toy-inline,test-miscompile,canonicalize"])
    err = capsys.readouterr().err
    assert code == 1
    assert "step  2 test-miscompile" in err
    assert "OUTPUT CHANGED" in err.splitlines()[2]
    assert "same output" in err.splitlines()[1]
