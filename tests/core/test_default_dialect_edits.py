"""Op names written without their dialect after an edit: the incremental re-parse of a
region applies MLIR 22's default dialects as a fresh parse does (a bare `yield` is
`transform.yield` in a transform.sequence and unknown in an scf.for)."""

from __future__ import annotations

import pytest

from ir_studio.document import ItemCache, build_document
from ir_studio.incremental import STATS

# Items of at least PATCH_MIN_CHARS characters are patched rather than parsed again.
_FILLER = "".join(f"  %p{i} = transform.get_parent_op %root : (!transform.any_op) -> "
                  f"!transform.any_op\n" for i in range(60))
SEQUENCE = f"""transform.sequence failures(propagate) {{
^bb0(%root: !transform.any_op):
{_FILLER}  %a = transform.get_parent_op %root : (!transform.any_op) -> !transform.any_op
  %b = transform.get_parent_op %a : (!transform.any_op) -> !transform.any_op
}}
"""
_BODY = "".join(f"    %s{i} = arith.addi %i, %i : index\n" for i in range(120))
LOOP = f"""func.func @loop(%n: index) {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {{
{_BODY}    %x = arith.addi %i, %i : index
    %y = arith.addi %x, %x : index
  }}
  return
}}
"""


def _messages(text: str, cache: ItemCache | None = None) -> list[str]:
    return [d.message for d in build_document("t.mlir", 2, text, cache=cache).diagnostics]


@pytest.mark.parametrize(("text", "old", "new", "clean", "patched"), [
    # transform ops are not simple ops: such an edit is parsed afresh
    (SEQUENCE, "%a = transform.get_parent_op %root", "%a = get_parent_op %root", True, False),
    (LOOP, "%s5 = arith.addi %i, %i : index", "%s5 = addi %i, %i : index", False, True),
    (LOOP, "%s5 = arith.addi %i, %i : index", "yield", False, True),
], ids=["transform_sequence", "func_in_loop", "yield_in_loop"])
def test_an_edit_resolves_bare_names_as_a_fresh_parse(text: str, old: str, new: str,
                                                      clean: bool, patched: bool) -> None:
    cache = ItemCache()
    assert build_document("t.mlir", 1, text, cache=cache).diagnostics == ()
    edited = text.replace(old, new)
    STATS.clear()
    incremental = _messages(edited, cache)
    assert STATS["patched"] == int(patched), STATS  # the edit's path, as intended
    fresh = _messages(edited)
    assert incremental == fresh
    assert (fresh == []) == clean, fresh
