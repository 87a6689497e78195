"""Running Toy programs: JIT output against expected files and an independent numpy
reference, LLVM 22's own tools as oracles, every engine of the step checker."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from xdsl.parser import Parser

from ir_studio.context import shared_context
from ir_studio.execution.jit import JITError, run_llvm_ir
from ir_studio.execution.step_check import check_steps, execute_text
from ir_studio.llvm_emit import emit_llvm_ir
from ir_studio.pipeline import ModuleSnapshot, StepRecord
from ir_studio.printing import print_ir
from ir_studio.toy.parser import parse_toy
from ir_studio.transforms import TOY_OPT, TOY_TO_AFFINE, TOY_TO_LLVM
from tests.conftest import find_llvm_tool
from tests.toy.helpers import compile_sample, lower, sample_paths
from tests.toy.numpy_reference import run_ast


def _llvm_ir(name: str) -> str:
    module = compile_sample(name)
    lower(module, TOY_TO_LLVM)
    return emit_llvm_ir(module)


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_jit_output_matches_the_expected_file_and_the_numpy_reference(path: Path) -> None:
    expected = path.with_suffix(".out").read_text()
    reference = run_ast(parse_toy(path.read_text(), path.name))
    assert reference == expected
    assert run_llvm_ir(_llvm_ir(path.name)).stdout == expected


def test_toyc_print_layout() -> None:
    # the tutorial's example prints one row per line, "%f " per element
    out = run_llvm_ir(_llvm_ir("ch6_llvm.toy")).stdout
    assert out.splitlines()[:3] == ["1.000000 16.000000 ", "4.000000 25.000000 ", "9.000000 36.000000 "]


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_every_step_prints_the_same(path: Path) -> None:
    module = compile_sample(path.name)
    run = lower(module, TOY_TO_LLVM)
    assert run.input is not None
    checks = check_steps(run.input.module, run.steps)
    assert len(checks) == len(run.steps) + 1
    engines = {c.execution.engine for c in checks}
    assert engines == {"toy-evaluator", "interpreter", "jit"}
    expected = path.with_suffix(".out").read_text()
    for check in checks:
        assert check.execution.output == expected, (check.pass_name, check.execution.error)
        assert check.matches_previous is not False


def test_a_step_that_changes_the_output_is_reported() -> None:
    module = compile_sample("ch6_llvm.toy")
    run = lower(module, TOY_OPT)
    good = run.steps[-1]
    broken_ir = (good.ir or "").replace("2.000000e+00", "7.000000e+00", 1)
    assert broken_ir != good.ir
    broken_module = Parser(shared_context(), broken_ir).parse_module()
    broken = StepRecord("miscompile", "", ModuleSnapshot(broken_module), True, 0.0, {})
    assert run.input is not None
    checks = check_steps(run.input.module, [*run.steps, broken])
    assert [c.matches_previous for c in checks[1:-1]] == [True] * len(run.steps)
    assert checks[-1].matches_previous is False
    assert checks[-1].execution.output != checks[-2].execution.output


def test_an_unrunnable_step_is_reported_not_raised() -> None:
    result = execute_text("func.func @main() {\n  \"foo.op\"() : () -> ()\n  func.return\n}")
    assert result.output is None
    assert result.error
    result = execute_text("this is not IR")
    assert result.output is None
    assert "cannot parse this IR" in (result.error or "")


def test_jit_errors_are_values() -> None:
    with pytest.raises(JITError, match="LLVM rejected the IR"):
        run_llvm_ir("define void @main() {\n  ret i32 0\n}\n")
    with pytest.raises(JITError, match="no function '@main'"):
        run_llvm_ir("define void @other() {\n  ret void\n}\n")


def test_llvm_ir_is_accepted_by_llvm_22_tools(tmp_path: Path) -> None:
    llvm_as, lli = find_llvm_tool("llvm-as"), find_llvm_tool("lli")
    if llvm_as is None or lli is None:
        pytest.skip("llvm-as/lli (LLVM 22) not installed: apt-get install llvm-22")
    for path in sample_paths():
        ll = tmp_path / (path.stem + ".ll")
        ll.write_text(_llvm_ir(path.name))
        subprocess.run([llvm_as, str(ll), "-o", str(tmp_path / "x.bc")], check=True,
                       capture_output=True, timeout=60)
        out = subprocess.run([lli, str(ll)], check=True, capture_output=True, text=True,
                             timeout=60).stdout
        assert out == path.with_suffix(".out").read_text(), path.name


def test_affine_level_module_runs_on_the_interpreter_and_the_jit() -> None:
    module = compile_sample("ch5_affine.toy")
    lower(module, TOY_TO_AFFINE)
    text = print_ir(module)
    expected = (Path(str(sample_paths()[0].parent)) / "ch5_affine.out").read_text()
    assert execute_text(text).engine == "interpreter"
    assert execute_text(text).output == expected
