"""The chip's cost in the editor, for TPU graphs: inlay hints per op, a code lens per
function, hover on A16 matmuls. The figures come from `ir_studio.tpu.editor_cost`,
computed once per document version on a thread of their own, started when the version's
diagnostics have been published (`warm`): a request finds them ready or waits for that one
simulation, and the parse/diagnostics path never waits for any."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future, ThreadPoolExecutor

from ir_studio.lsp.server import IRStudioServer
from ir_studio.lsp.store import Snapshot
from lsprotocol import types
from xdsl.dialects.builtin import ModuleOp

from ir_studio.document import IRDocument
from ir_studio.tpu.editor_cost import CostCache, DocumentCost

_CACHE = CostCache()
_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tpu-cost")


def _module(document: IRDocument) -> ModuleOp | None:
    if not document.ok or ('"top.' not in document.text and '"tpu.' not in document.text):
        return None
    modules = document.modules()
    return modules[0] if len(modules) == 1 else None


def warm(document: IRDocument) -> Future[DocumentCost | None] | None:
    """Start computing a TPU graph's figures as soon as its version is built (called
    after its diagnostics are published), so requests usually find them ready."""
    module = _module(document)
    if module is None:
        return None
    return _POOL.submit(_CACHE.get, document.uri, document.version, module)


def ready(document: IRDocument) -> DocumentCost | None:
    """The figures of this version if computed, without waiting."""
    return _CACHE.peek(document.uri, document.version)


async def cost_of(snapshot: Snapshot) -> DocumentCost | None:
    module = _module(snapshot.document)
    if module is None:
        return None
    document = snapshot.document
    ready = _CACHE.peek(document.uri, document.version)
    if ready is not None:
        return ready
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_POOL, _CACHE.get, document.uri, document.version, module)


async def inlay_hints(
    ls: IRStudioServer, snapshot: Snapshot, start: int, end: int
) -> list[types.InlayHint]:
    cost = await cost_of(snapshot)
    if cost is None or not cost.ops:
        return []
    conv = ls.converter(snapshot)
    hints = []
    for placed in snapshot.document.items:
        if placed.end < start or placed.base > end:
            continue
        for record in placed.parsed.record.ops:
            at = placed.base + record.span.end
            found = cost.op(record.op) if start <= at <= end else None
            if found is not None:
                hints.append(
                    types.InlayHint(
                        position=conv.position(at),
                        label=found.label,
                        padding_left=True,
                        tooltip=f"simulated on the chip model, {cost.mode.label}",
                    )
                )
    return hints


async def code_lenses(
    ls: IRStudioServer, snapshot: Snapshot, uri: str, function: str, where: types.Range
) -> list[types.CodeLens]:
    cost = await cost_of(snapshot)
    found = None if cost is None else cost.functions.get(function)
    if found is None:
        return []
    command = types.Command(
        title=found.label, command="irStudio.openTui", arguments=[uri, function, "timeline"]
    )
    return [types.CodeLens(where, command)]


async def hover(snapshot: Snapshot, offset: int) -> str | None:
    """The A16 matmul section of a hover on such an op (its name or anywhere in it)."""
    cost = await cost_of(snapshot)
    if cost is None or not cost.a16:
        return None
    placed = snapshot.document.item_at(offset)
    if placed is None:
        return None
    local = offset - placed.base
    inside = [r for r in placed.parsed.record.ops if r.span.start <= local <= r.span.end]
    if not inside:
        return None
    record = min(inside, key=lambda r: r.span.end - r.span.start)
    detail = cost.a16_detail(record.op)
    return None if detail is None else detail.markdown(cost.mode)
