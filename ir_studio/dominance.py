"""SSA dominance, which xDSL does not check (use-before-def verifies there).

Follows MLIR's rules: in a block a definition must come before its use; across blocks
the defining block must dominate the using block in the region's CFG; unreachable
blocks are dominated by everything; graph regions (builtin.module) have no dominance.
Work is linear in the uses plus one dominator computation per multi-block region.
"""

from __future__ import annotations

from collections.abc import Iterable

from xdsl.dialects.builtin import UnregisteredOp
from xdsl.ir import Block, BlockArgument, Operation, OpResult, Region, SSAValue

from ir_studio.diagnostics import Diagnostic, Related
from ir_studio.frontends.records import OpRecord, ValueDef, ValueUse
from ir_studio.source import Span

_GRAPH_REGION_OPS = frozenset({"builtin.module"})


class DominanceInfo:
    """Lazily computed op order per block and dominator sets per region."""

    def __init__(self) -> None:
        self._order: dict[int, dict[int, int]] = {}
        self._doms: dict[int, dict[int, set[int]] | None] = {}

    def op_index(self, op: Operation) -> int:
        block = op.parent
        assert block is not None
        return self.order_of(block)[id(op)]

    def order_of(self, block: Block) -> dict[int, int]:
        """id(op) -> its position in `block`."""
        order = self._order.get(id(block))
        if order is None:
            order = {id(o): i for i, o in enumerate(block.ops)}
            self._order[id(block)] = order
        return order

    def block_dominates(self, a: Block, b: Block) -> bool:
        region = a.parent
        assert region is not None
        doms = self._dominators(region)
        if doms is None:
            return True
        b_doms = doms.get(id(b))
        return b_doms is None or id(a) in b_doms

    def _dominators(self, region: Region) -> dict[int, set[int]] | None:
        key = id(region)
        if key in self._doms:
            return self._doms[key]
        blocks = list(region.blocks)
        if len(blocks) <= 1:
            self._doms[key] = None
            return None
        preds: dict[int, list[int]] = {id(b): [] for b in blocks}
        for block in blocks:
            last = block.last_op
            for succ in () if last is None else last.successors:
                if id(succ) in preds:
                    preds[id(succ)].append(id(block))
        reachable = _reachable(blocks)
        ids = [id(b) for b in blocks if id(b) in reachable]
        everything = set(ids)
        doms: dict[int, set[int]] = {i: set(everything) for i in ids}
        doms[ids[0]] = {ids[0]}
        changed = True
        while changed:
            changed = False
            for i in ids[1:]:
                incoming = [doms[p] for p in preds[i] if p in doms]
                new = set.intersection(*incoming) if incoming else set()
                new.add(i)
                if new != doms[i]:
                    doms[i] = new
                    changed = True
        self._doms[key] = doms
        return doms


def _reachable(blocks: list[Block]) -> set[int]:
    seen = {id(blocks[0])}
    stack = [blocks[0]]
    while stack:
        last = stack.pop().last_op
        for succ in () if last is None else last.successors:
            if id(succ) not in seen:
                seen.add(id(succ))
                stack.append(succ)
    return seen


def _is_graph_region(region: Region) -> bool:
    """A module's region, or any region of an op ir-studio does not know: MLIR assumes
    an unregistered op may hold graph regions (mayBeGraphRegion in Verifier.cpp)."""
    parent = region.parent
    return parent is not None and (parent.name in _GRAPH_REGION_OPS
                                   or isinstance(parent, UnregisteredOp))


def dominates(info: DominanceInfo, value: SSAValue, user: Operation) -> bool:
    if isinstance(value, OpResult):
        def_block = value.op.parent
        def_op: Operation | None = value.op
    elif isinstance(value, BlockArgument):
        def_block = value.block
        def_op = None
    else:
        return False
    if def_block is None or def_block.parent is None:
        return True
    region = def_block.parent
    ancestor: Operation | None = user
    while ancestor is not None:
        block = ancestor.parent
        if block is not None and block.parent is region:
            break
        ancestor = ancestor.parent_op()
    if ancestor is None or ancestor.parent is None:
        return False
    if _is_graph_region(region):
        return True
    use_block = ancestor.parent
    if use_block is def_block:
        if def_op is None:
            return True
        if def_op is ancestor:
            return False
        return info.op_index(def_op) < info.op_index(ancestor)
    return info.block_dominates(def_block, use_block)


def check_dominance(
    ops: list[OpRecord], defs: Iterable[ValueDef], uses: Iterable[ValueUse]
) -> list[Diagnostic]:
    """One diagnostic per use whose definition does not dominate it."""
    info = DominanceInfo()
    problems: list[Diagnostic] = []
    seen_block: Block | None = None
    order: dict[int, int] = {}
    def_spans: dict[int, Span] | None = None
    for use in uses:
        if use.owner is None:
            continue
        user = ops[use.owner].op
        value = use.value
        # The common cases, decided without the general walk (which agrees with them):
        # an argument of the user's own block, and a result of an earlier op in it.
        block = user.parent
        kind = type(value)
        if kind is BlockArgument:
            if value.block is block:  # pyright: ignore[reportAttributeAccessIssue]  # a BlockArgument
                continue
        elif kind is OpResult:
            def_op = value.op  # pyright: ignore[reportAttributeAccessIssue]  # an OpResult
            if block is not None and def_op.parent is block and def_op is not user:
                if block is not seen_block:
                    seen_block, order = block, info.order_of(block)
                if order[id(def_op)] < order[id(user)]:
                    continue
        if dominates(info, value, user):
            continue
        if def_spans is None:
            def_spans = {id(d.value): d.span for d in defs}
        index = next((i for i, v in enumerate(user.operands) if v is value), 0)
        related = ()
        if id(value) in def_spans:
            related = (Related(def_spans[id(value)], "operand defined here"),)
        problems.append(
            Diagnostic(
                use.span,
                f"operand #{index} does not dominate this use",
                category="dominance",
                related=related,
            )
        )
    return problems
