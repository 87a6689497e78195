"""The toy dialect's syntax and verifier, and each chapter's rewrite (FileCheck style)."""

from __future__ import annotations

import re

import pytest
from xdsl.utils.exceptions import VerifyException

from ir_studio.printing import print_ir
from ir_studio.transforms import TOY_OPT, TOY_TO_AFFINE, TOY_TO_LLVM
from tests.filecheck import filecheck
from tests.toy.helpers import compile_sample, compile_text, lower, parse, sample_paths


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_printed_toy_ir_parses_back_to_the_same_ir(path) -> None:
    module = compile_sample(path.name)
    for stage in (None, TOY_OPT):
        if stage is not None:
            lower(module, stage)
        text = print_ir(module, debuginfo=True)
        again = parse(text)
        again.verify()
        assert print_ir(again, debuginfo=True) == text


def test_custom_syntax_of_every_op() -> None:
    text = print_ir(compile_sample("ch7_struct.toy"))
    filecheck(text, """
        CHECK: toy.func private @multiply_transpose(%value: !toy.struct<tensor<*xf64>, tensor<*xf64>>) -> tensor<*xf64>
        CHECK: toy.struct_access %value[0] : !toy.struct<tensor<*xf64>, tensor<*xf64>> -> tensor<*xf64>
        CHECK: toy.transpose(
        CHECK: toy.mul
        CHECK: toy.return
        CHECK-LABEL: toy.func @main()
        CHECK: toy.struct_constant [dense<{{.*}}
    """)
    filecheck(print_ir(compile_text("def main() { var a<2, 2> = [1, 2, 3, 4]; print(a + a); }")), """
        CHECK: toy.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf64>
        CHECK: toy.reshape(%0 : tensor<4xf64>) to tensor<2x2xf64>
        CHECK: toy.add %1, %1 : (tensor<2x2xf64>, tensor<2x2xf64>) -> tensor<*xf64>
        CHECK: toy.print
    """)


@pytest.mark.parametrize(("ir", "message"), [
    ("toy.func @main() {\n %0 = toy.constant dense<1.0> : tensor<2xf64>\n toy.return\n}", None),
    ("toy.func @f() -> tensor<*xf64> {\n  toy.return\n}",
     "does not return the same number of values (0) as the enclosing function (1)"),
    ("toy.func @main() {\n  %0 = toy.constant dense<[1.0, 2.0]> : tensor<2xf64>\n"
     "  %1 = toy.transpose(%0 : tensor<2xf64>) to tensor<3xf64>\n  toy.return\n}",
     "expected result shape to be a transpose of the input"),
    ("toy.func @main() {\n  %0 = toy.constant dense<[1.0, 2.0]> : tensor<2xf64>\n"
     "  %1 = toy.reshape(%0 : tensor<2xf64>) to tensor<3xf64>\n  toy.return\n}",
     "cannot reshape"),
])
def test_verifier_rejects_bad_toy_ir(ir: str, message: str | None) -> None:
    module = parse(ir) if message is not None else None
    if module is None:
        parse(ir).verify()  # a valid case keeps the test honest
        return
    with pytest.raises(VerifyException, match=re.escape(message)):
        module.verify()


def test_ch3_canonicalize_folds_transposes_and_reshapes() -> None:
    module = compile_text(
        "def main() {\n var a<2, 3> = [[1, 2, 3], [4, 5, 6]];\n var b<3, 2> = a;\n"
        " var c<6> = b;\n var d<2, 3> = c;\n print(transpose(transpose(d)));\n}")
    lower(module, "canonicalize")
    filecheck(print_ir(module), """
        CHECK-LABEL: toy.func @main()
        CHECK-NEXT: toy.constant dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf64>
        CHECK-NOT: toy.reshape
        CHECK-NOT: toy.transpose
        CHECK-NEXT: toy.print
    """)


def test_ch4_inlines_calls_with_casts_then_infers_every_shape() -> None:
    module = compile_sample("ch6_llvm.toy")
    lower(module, "toy-inline")
    filecheck(print_ir(module), """
        CHECK-NOT: toy.generic_call
        CHECK-NOT: @multiply_transpose
        CHECK-LABEL: toy.func @main()
        CHECK: toy.cast %{{.*}}
    """)
    lower(module, "canonicalize,toy-shape-inference,canonicalize,cse")
    text = print_ir(module)
    assert "tensor<*xf64>" not in text
    assert "toy.cast" not in text
    filecheck(text, """
        CHECK: toy.transpose(%a : tensor<2x3xf64>) to tensor<3x2xf64>
        CHECK: toy.mul %0, %0 : tensor<3x2xf64>
    """)


def test_ch4_recursion_is_a_located_error_not_a_hang() -> None:
    module = compile_text("def f(a) {\n  return f(a);\n}\ndef main() {\n  print(f([1]));\n}", "r.toy")
    from ir_studio.pipeline import resolve_pipeline, run_pipeline

    run = run_pipeline(module, resolve_pipeline("toy-inline"))
    assert run.failed is not None
    assert "recursive call to 'f' cannot be inlined" in (run.failed.error or "")
    assert run.failed.error_at == ("r.toy", 2, 10)


def test_ch5_is_a_partial_conversion_that_keeps_print() -> None:
    module = compile_sample("ch6_llvm.toy")
    lower(module, TOY_TO_AFFINE)
    text = print_ir(module)
    filecheck(text, """
        CHECK-LABEL: func.func @main()
        CHECK: memref.alloc() : memref<3x2xf64>
        CHECK: affine.store %{{.*}}
        CHECK: affine.for
        CHECK: affine.load
        CHECK: arith.mulf
        CHECK: toy.print %{{.*}}
        CHECK: memref.dealloc
        CHECK: func.return
    """)
    toy_ops = {line.split("toy.")[1].split()[0] for line in text.splitlines() if "toy." in line}
    assert toy_ops == {"print"}
    assert "memref<3x2xf64>" in next(line for line in text.splitlines() if "toy.print" in line)


def test_ch6_full_conversion_reaches_the_llvm_dialect_with_printf() -> None:
    module = compile_sample("ch5_affine.toy")
    lower(module, TOY_TO_LLVM)
    text = print_ir(module)
    ops = {line.split("=")[-1].split()[0] for line in text.splitlines()
           if line.strip() and not line.strip().startswith(("^", "}", "builtin.module"))}
    assert {op.split("(")[0] for op in ops if "." in op} <= {
        "llvm.func", "llvm.mlir.global", "llvm.mlir.constant", "llvm.call", "llvm.br",
        "llvm.cond_br", "llvm.icmp", "llvm.add", "llvm.mul", "llvm.getelementptr", "llvm.load",
        "llvm.store", "llvm.fmul", "llvm.fadd", "llvm.return", "llvm.mlir.addressof"}
    filecheck(text, """
        CHECK: llvm.mlir.global internal constant @frmt_spec("%f \\00")
        CHECK: llvm.func @printf(!llvm.ptr, ...) -> i32
        CHECK: llvm.func @main()
        CHECK: llvm.call @malloc
        CHECK: llvm.call @printf
        CHECK: llvm.call @free
    """)


def test_ch7_struct_access_of_a_constant_folds() -> None:
    module = compile_sample("ch7_struct.toy")
    lower(module, TOY_OPT)
    text = print_ir(module)
    assert "toy.struct_access" not in text
    assert "toy.struct_constant" not in text
    assert "toy.generic_call" not in text


def test_locations_survive_down_to_the_llvm_dialect() -> None:
    module = compile_sample("ch6_llvm.toy")
    lower(module, TOY_TO_LLVM)
    text = print_ir(module, debuginfo=True)
    fmul = next(line for line in text.splitlines() if "llvm.fmul" in line)
    # the multiply comes from `transpose(a) * transpose(b)` on line 3, placed at its rhs
    assert 'loc("ch6_llvm.toy":3:25)' in fmul
    printf = next(line for line in text.splitlines() if "llvm.call @printf" in line)
    assert 'loc("ch6_llvm.toy":11:3)' in printf
    unknown = [line for line in text.splitlines() if "loc(unknown)" in line and "llvm." in line
               and "llvm.func" not in line and "llvm.mlir.global" not in line]
    assert unknown == []
