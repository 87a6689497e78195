"""The example in docs/dialect-conversion.md runs as written."""

from __future__ import annotations

import re
from pathlib import Path

from ir_studio.context import shared_context
from ir_studio.printing import print_ir
from tests.toy.helpers import parse

DOC = Path(__file__).resolve().parents[2] / "docs" / "dialect-conversion.md"


def test_documented_pass_lowers_addi() -> None:
    code = re.search(r"```python\n(.*?)```", DOC.read_text(), re.S)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(compile(code.group(1), str(DOC), "exec"), namespace)
    module = parse("func.func @f(%a: index) -> index {\n  %0 = arith.addi %a, %a : index\n"
                   "  func.return %0 : index\n}")
    namespace["MyLowering"]().apply(shared_context(), module)  # type: ignore[operator]
    text = print_ir(module)
    assert "llvm.add" in text
    assert "arith.addi" not in text
    assert "builtin.unrealized_conversion_cast" in text  # func is not converted: bridged
