"""The precomputed tables answer exactly what a scan of the records would."""

from __future__ import annotations

import random

from xdsl.ir import Block

from ir_studio.document import PlacedItem, build_document
from ir_studio.ide import completion
from ir_studio.index import containing_ops

TEXT = """\
func.func @f(%a: i32, %flag: i1) -> i32 {
  %c = arith.constant 1 : i32
  %p:2 = "test.pair"(%a) : (i32) -> (i32, i32)
  %0 = arith.addi %a, %c : i32
  %r = scf.if %flag -> (i32) {
    %in = arith.muli %0, %0 : i32
    %in2 = arith.addi %in, %p#1 : i32
    scf.yield %in2 : i32
  } else {
    scf.yield %0 : i32
  }
  cf.br ^next(%r : i32)
^next(%n: i32):
  %1 = arith.addi %n, %c : i32
  %2 = arith.addi %1, %1 : i32
  return %2 : i32
}
"""


def _scan(item: PlacedItem, offset: int, prefix: str) -> tuple[list[str], bool]:
    relative = offset - item.base
    blocks = completion._enclosing_blocks(item, relative)
    found = []
    for definition in item.parsed.record.value_defs:
        if definition.span.start >= relative or not definition.name[1:].startswith(prefix):
            continue
        owner = definition.value.owner
        block = owner if isinstance(owner, Block) else owner.parent  # type: ignore[union-attr]
        if block is not None and id(block) in blocks:
            found.append(definition)
    found.sort(key=lambda d: -d.span.start)
    names = [d.name + (f"#{d.group_index}" if d.group_size > 1 else "") for d in found]
    return names[: completion.LIMIT], len(found) > completion.LIMIT


def test_value_completion_offers_what_a_scan_finds() -> None:
    """Completion (which finds the ops around the cursor through `containing_ops`)
    offers the values a scan of every definition would, nearest first."""
    document = build_document("n.mlir", 0, TEXT)
    assert document.ok
    for offset in range(len(TEXT)):
        item = document.item_at(offset)
        if item is None:
            continue
        for prefix in ("", "i", "p"):
            result = completion._values(item, offset, prefix)
            labels = [c.label if c.label.startswith("%") else "%" + c.label
                      for c in result.items]
            expected, incomplete = _scan(item, offset, prefix)
            assert sorted(labels) == sorted(expected)
            assert result.incomplete == incomplete


def test_containing_ops_are_those_whose_span_holds_the_offset() -> None:
    document = build_document("n.mlir", 0, TEXT)
    item = document.items[0]
    records = item.parsed.record.ops
    for relative in random.Random(1).sample(range(len(TEXT)), 200):
        expected = [r for r in records if r.span.start <= relative <= r.span.end]
        assert sorted(map(id, containing_ops(item.parsed, relative))) == sorted(
            map(id, expected))
