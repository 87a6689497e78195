"""The FileCheck wrapper fails when it should (a check that cannot fail checks nothing)."""

from __future__ import annotations

import pytest

from tests.filecheck import CheckFailure, filecheck

TEXT = "func.func @f() {\n  %0 = arith.constant 1 : i32\n  return\n}\n"


def test_matching_directives_pass() -> None:
    filecheck(TEXT, "CHECK-LABEL: func.func @f\nCHECK-NEXT: arith.constant {{[0-9]+}} : i32\n")


@pytest.mark.parametrize("directives", [
    "CHECK: func.func @g\n",
    "CHECK: func.func\nCHECK-NEXT: return\n",
    "CHECK: func.func\nCHECK-NOT: arith.constant\nCHECK: return\n",
])
def test_mismatches_fail_with_the_input_shown(directives: str) -> None:
    with pytest.raises(CheckFailure, match="--- input ---"):
        filecheck(TEXT, directives)
