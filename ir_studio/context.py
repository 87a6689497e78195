"""The xDSL context every parse uses: all dialects registered lazily.

Registering a dialect stores only its factory (xdsl-notes §2), so the 79 xDSL dialects
plus ir-studio's own cost nothing until the parser meets their prefix. One context is
shared per process: loaded dialects stay loaded, which keeps re-parses cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from xdsl.context import Context
from xdsl.ir import Dialect


def project_dialects() -> dict[str, Callable[[], Dialect]]:
    """ir-studio's own dialects (toy, top, tpu arrive with their issues)."""
    from ir_studio.dialects import PROJECT_DIALECTS

    return dict(PROJECT_DIALECTS)


def all_dialect_factories() -> dict[str, Callable[[], Dialect]]:
    from xdsl.universe import Universe

    factories = dict(Universe.get_multiverse().all_dialects)
    factories.update(project_dialects())
    return factories


@cache
def shared_context() -> Context:
    """The process-wide parsing context (unregistered dialects allowed, as mlir-opt's
    --allow-unregistered-dialect)."""
    from ir_studio.dialects import memref_global

    memref_global.install()
    ctx = Context(allow_unregistered=True)
    for name, factory in all_dialect_factories().items():
        ctx.register_dialect(name, factory)
    return ctx
