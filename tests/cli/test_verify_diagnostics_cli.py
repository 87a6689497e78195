"""`ir-studio check --verify-diagnostics[=lines]` as users run it."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run

ANNOTATED = """\
func.func @f(%a: i32) -> f32 {
  // expected-error@+1 {{use of value '%a' expects different type than prior uses}}
  %r = arith.addf %a, %a : f32
  return %r : f32
}

// -----

func.func @g() {
  %x = arith.constant 1 : i32 // expected-error {{mlir-opt words this differently}}
  %y = arith.addi %x, %zz : i32
  return
}
"""


def test_all_expectations_met_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "ok.mlir"
    path.write_text(ANNOTATED.split("// -----")[0])
    result = run("check", "--verify-diagnostics", str(path))
    assert (result.returncode, result.stderr) == (0, "")


def test_failure_output_names_each_problem_as_mlir_opt_does(tmp_path: Path) -> None:
    path = tmp_path / "bad.mlir"
    path.write_text(ANNOTATED)
    result = run("check", "--verify-diagnostics", str(path))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (f'{path}:10:34: error: expected error "mlir-opt words this '
                        f'differently" was not produced')
    assert lines[1] == "  %x = arith.constant 1 : i32 // expected-error {{mlir-opt words this differently}}"
    assert lines[2].startswith(" " * 33 + "^~~")
    assert lines[3] == f"{path}:11:23: error: unexpected error: use of undeclared SSA value name '%zz'"
    assert "Traceback" not in result.stderr


def test_lines_mode_compares_places_only(tmp_path: Path) -> None:
    path = tmp_path / "lines.mlir"
    path.write_text("func.func @g() {\n  %y = arith.addi %x, %x : i32 // expected-error {{whatever}}\n"
                    "  return\n}\n")
    assert run("check", "--verify-diagnostics", str(path)).returncode == 1
    result = run("check", "--verify-diagnostics=lines", str(path))
    assert (result.returncode, result.stderr) == (0, "")


def test_file_may_follow_the_flag_or_precede_it(tmp_path: Path) -> None:
    path = tmp_path / "ok.mlir"
    path.write_text("func.func @g() {\n  return\n}\n")
    assert run("check", str(path), "--verify-diagnostics").returncode == 0
    assert run("check", "--verify-diagnostics=lines", str(path)).returncode == 0
    missing = run("check", "--verify-diagnostics")
    assert missing.returncode == 2
    assert "FILE" in missing.stderr
