"""Pipeline strings in both syntaxes, per-step records, and locations through rewrites."""

from __future__ import annotations

import pytest
from xdsl.dialects.builtin import FileLineColLoc

from ir_studio.document import build_document
from ir_studio.pass_spec import PassStep, PipelineError, parse_pipeline
from ir_studio.pipeline import resolve_pipeline, run_pipeline

LOOP = """\
func.func @f(%n: index, %a: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (i32) {
    %s = arith.addi %acc, %acc : i32
    scf.yield %s : i32
  }
  return %r : i32
}
"""


def test_flat_syntax_with_options() -> None:
    assert parse_pipeline("cse, canonicalize{max-iterations=3 region-simplify=false}") == [
        PassStep("cse", ""), PassStep("canonicalize", "max-iterations=3 region-simplify=false")]


def test_nested_mlir_syntax_anchors_steps() -> None:
    steps = parse_pipeline("builtin.module(func.func(cse,dce),canonicalize)")
    assert steps == [PassStep("cse", "", "func.func"), PassStep("dce", "", "func.func"),
                     PassStep("canonicalize", "", None)]


@pytest.mark.parametrize("bad", ["cse,", "builtin.module(cse", "cse{x=1", "cse)"])
def test_malformed_pipelines_are_user_errors(bad: str) -> None:
    with pytest.raises(PipelineError):
        resolve_pipeline(bad)


def test_unknown_named_pipeline() -> None:
    with pytest.raises(PipelineError, match="did you mean lower-to-cf"):
        resolve_pipeline("lower-to-c")


def _module(text: str):
    document = build_document("loop.mlir", 1, text)
    assert document.diagnostics == ()
    return document.clone_module()


def test_records_every_step() -> None:
    module = _module(LOOP)
    run = run_pipeline(module, resolve_pipeline("cse,convert-scf-to-cf,dce"))
    names = [step.pass_name for step in run.steps]
    assert names == ["cse", "convert-scf-to-cf", "dce"]
    assert [step.changed for step in run.steps] == [False, True, False]
    assert run.steps[1].op_counts.get("scf.for") is None
    assert run.steps[1].op_counts["cf.cond_br"] == 1
    assert "cf.cond_br" in (run.steps[1].ir or "")
    assert all(step.seconds >= 0 for step in run.steps)


def test_ops_created_by_rewrites_inherit_the_replaced_ops_location() -> None:
    module = _module(LOOP)
    run_pipeline(module, resolve_pipeline("convert-scf-to-cf"), record_ir=False)
    created = [op for op in module.walk() if op.name in ("cf.br", "cf.cond_br")]
    assert created
    for op in created:
        assert isinstance(op.location, FileLineColLoc)
        assert op.location.line.data == 4  # the scf.for they came from


def test_anchored_steps_run_on_each_function_only() -> None:
    module = _module(LOOP + "func.func @g() {\n  return\n}\n")
    run = run_pipeline(module, resolve_pipeline("builtin.module(func.func(convert-scf-to-cf))"))
    assert run.failed is None
    names = [op.sym_name.data for op in module.body.block.ops]  # type: ignore[attr-defined]
    assert names == ["f", "g"]  # order kept
    assert "cf.cond_br" in (run.steps[0].ir or "")


def test_a_failing_pass_ends_the_run_with_its_error(monkeypatch) -> None:
    from xdsl.transforms.common_subexpression_elimination import (
        CommonSubexpressionElimination,
    )

    def explode(self, ctx, op) -> None:
        raise RuntimeError("pass exploded")

    monkeypatch.setattr(CommonSubexpressionElimination, "apply", explode)
    run = run_pipeline(_module(LOOP), resolve_pipeline("cse,dce"))
    assert len(run.steps) == 1
    assert run.failed is not None
    assert "pass exploded" in (run.failed.error or "")
