"""What the TUI shows, from ops rather than from printed text: one function's IR, the
source location of a printed line; and quick fixes from a diagnostic's subject."""

from __future__ import annotations

from ir_studio.document import build_document
from ir_studio.ide.code_actions import did_you_mean
from ir_studio.session import function_text, load_file, run_steps, source_at

TOY = "def twice(a) {\n  return a + a;\n}\n\ndef main() {\n  var x = [1, 2];\n  print(twice(x));\n}\n"


def test_a_function_is_printed_from_its_op_and_lines_map_to_the_source() -> None:
    loaded = load_file("prog.toy", TOY)
    assert loaded.kind == "toy"
    assert loaded.module is not None
    _, views = run_steps(loaded, "toy-inline")
    inlined = views[1]
    main = function_text(inlined, "main")
    assert main.startswith("toy.func @main")
    assert "@twice" not in main
    assert function_text(inlined, "nope") == ""
    lines = main.splitlines()
    add = next(i for i, line in enumerate(lines) if "toy.add" in line)
    assert source_at(inlined, "main", add) == ("prog.toy", 2, 14)
    printed = next(i for i, line in enumerate(lines) if "toy.print" in line)
    assert source_at(inlined, "main", printed) == ("prog.toy", 7, 3)


def test_did_you_mean_comes_from_the_subject_not_the_message() -> None:
    text = "func.func @f(%arg: i32) -> i32 {\n  %sum = arith.addi %arg, %ar : i32\n  return %sum : i32\n}\n"
    document = build_document("f.mlir", 1, text)
    (diagnostic,) = document.diagnostics
    subject = diagnostic.subject
    assert subject is not None
    assert (subject.kind, subject.name, subject.candidates) == ("undefined-value", "%ar", ("%arg",))
    fixes = did_you_mean(subject, text)
    assert [f.title for f in fixes] == ["Did you mean '%arg'?"]
    assert fixes[0].edits[0][0] == subject.span
    assert text[subject.span.start:].startswith("%ar :")
    assert did_you_mean(subject, text.replace("%ar :", "%zz :")) == []
    typo = build_document("o.mlir", 1, text.replace("arith.addi %arg, %ar", "arith.addj %arg, %arg"))
    op_subject = typo.diagnostics[0].subject
    assert op_subject is not None
    assert op_subject.kind == "unknown-op"
    assert "arith.addi" in op_subject.candidates


def test_default_pipelines_come_from_the_languages() -> None:
    from ir_studio.session import default_pipeline

    assert [default_pipeline(k) for k in ("mlir", "toy", "tpu", "llvm", "other")] == [
        "cleanup", "toy-to-llvm", "tpu-w8a16", "", "cleanup"]
    loaded = load_file("p.ll", "define i32 @main() {\n  ret i32 0\n}\n")
    assert (loaded.kind, loaded.module, loaded.diagnostics) == ("llvm", None, [])
