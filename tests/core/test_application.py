"""The application layer: files of any language as values, one pipeline resolver, step
records that keep IR as IR, execution verdicts from modules, and the core never
importing a front end."""

from __future__ import annotations

from pathlib import Path

import pytest

from ir_studio import pipeline as pipeline_module
from ir_studio.application import (
    Unreadable,
    decode,
    load_program,
    lower_module,
    open_program,
    run_program,
    step_checks,
)
from ir_studio.pass_spec import PipelineError
from ir_studio.pipeline import resolve_pipeline

ROOT = Path(__file__).resolve().parents[2]
LOOP = """func.func @main(%n: index, %a: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (i32) {
    %s = arith.addi %acc, %acc : i32
    scf.yield %s : i32
  }
  return %r : i32
}
func.func @other(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
"""
LL = ('@.fmt = private constant [4 x i8] c"%d\\0A\\00"\ndeclare i32 @printf(ptr, ...)\n'
      "define i32 @main() {\n  %r = call i32 (ptr, ...) @printf(ptr @.fmt, i32 42)\n"
      "  ret i32 0\n}\n")


def _program(text: str = LOOP, name: str = "loop.mlir"):
    program = load_program(decode(name, text.encode()))
    assert program.ok, program.diagnostics
    return program


@pytest.mark.parametrize("spec", ["tpu-w8a16", "tpu-w4a16{group-size=32}", "cleanup", "cse",
                                  "cse,dce", "builtin.module(func.func(cse))"])
def test_every_pass_and_named_pipeline_is_a_pipeline(spec: str) -> None:
    resolved = resolve_pipeline(spec)
    assert resolved.steps
    assert len(resolved.passes) == len(resolved.steps)
    assert resolved.name == (spec if spec == "cleanup" else None)


def test_a_misspelt_name_is_checked_against_passes_and_pipelines() -> None:
    with pytest.raises(PipelineError, match="unknown pass or pipeline 'lower-to-c'; "
                       "did you mean lower-to-cf"):
        resolve_pipeline("lower-to-c")
    with pytest.raises(PipelineError, match="unknown pass 'csx'"):
        resolve_pipeline("cse,csx")


def test_a_pipeline_string_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = pipeline_module.parse_pipeline
    monkeypatch.setattr(pipeline_module, "parse_pipeline",
                        lambda text: calls.append(text) or original(text))
    lowering = lower_module(_program().module, "canonicalize,cse")
    assert calls == ["canonicalize,cse"]
    assert lowering.message is None
    resolved = resolve_pipeline("cse")
    calls.clear()
    lower_module(_program().module, resolved)
    assert calls == []


def test_step_records_keep_modules_and_print_once_on_demand(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[int] = []
    original = pipeline_module.print_with_lines

    def counting(ops, **options):
        printed.append(len(ops))
        return original(ops, **options)

    monkeypatch.setattr(pipeline_module, "print_with_lines", counting)
    run = lower_module(_program().module, "convert-scf-to-cf,cse").run
    assert run is not None
    assert printed == []
    step = run.steps[0]
    assert step.module is not None
    assert step.module is not run.module
    assert "cf.cond_br" in (step.ir or "")
    assert "cf.cond_br" in (step.ir or "")  # read twice, printed once
    assert printed == [1]
    assert [s.changed for s in run.steps] == [True, True]


def test_a_type_only_change_counts_as_a_change() -> None:
    toy = "def f(a) {\n  return a;\n}\ndef main() {\n  print(f([1, 2]));\n}\n"
    program = _program(toy, "t.toy")
    run = lower_module(program.module, "toy-inline,toy-shape-inference").run
    assert run is not None
    assert [s.changed for s in run.steps] == [True, True]
    unchanged = lower_module(_program(LOOP.split("func.func @other")[0]).module, "cse").run
    assert unchanged is not None
    assert unchanged.steps[0].changed is False


def test_one_function_is_lowered_alone_and_a_missing_one_is_a_value() -> None:
    lowering = lower_module(_program().module, "cse", function="other")
    assert "@main" not in (lowering.output() or "")
    assert lowering.message is None
    missing = lower_module(_program().module, "cse", function="nope")
    assert (missing.run, missing.error) == (None, "no function @nope")
    bad = lower_module(_program().module, "nope-pass")
    assert bad.run is None
    assert "unknown pass or pipeline 'nope-pass'" in (bad.error or "")


def test_execution_verdicts_come_from_the_recorded_modules() -> None:
    toy = "def main() {\n  var a = [[1, 2], [3, 4]];\n  print(transpose(a));\n}\n"
    run = lower_module(_program(toy, "t.toy").module, "toy-to-affine").run
    assert run is not None
    checks = step_checks(run)
    assert [c.verdict for c in checks][:2] == ["reference", "same output"]
    assert {c.execution.engine for c in checks} == {"toy-evaluator", "interpreter"}
    no_main = lower_module(_program(LOOP.replace("@main", "@start"), "x.mlir").module, "cse").run
    assert no_main is not None
    assert {c.verdict for c in step_checks(no_main)} == {
        "not run: the program has no main function"}


def test_files_are_values_whatever_goes_wrong(tmp_path: Path) -> None:
    missing = open_program(str(tmp_path / "nope.toy"))
    assert isinstance(missing, Unreadable)
    assert "no such file" in missing.message
    folder = open_program(str(tmp_path))
    assert isinstance(folder, Unreadable)
    assert "is a directory" in folder.message
    (tmp_path / "bin.ll").write_bytes(b"define\x00")
    binary = open_program(str(tmp_path / "bin.ll"))
    assert not isinstance(binary, Unreadable)
    assert binary.language.id == "llvm"
    assert "NUL byte" in binary.diagnostics[0].message
    (tmp_path / "latin.toy").write_bytes(b"def main() { print(\xe9); }\n")
    latin = open_program(str(tmp_path / "latin.toy"))
    assert not isinstance(latin, Unreadable)
    assert "invalid UTF-8" in latin.diagnostics[0].message


def test_llvm_ir_runs_as_it_is_and_does_not_lower() -> None:
    program = _program(LL, "p.ll")
    assert program.module is None
    assert not program.language.lowers
    assert run_program(program).stdout == "42\n"
