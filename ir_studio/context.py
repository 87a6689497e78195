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
    """xDSL's dialects and ours. (Not xDSL's entry-point "multiverse": scanning every
    installed package's entry points and importing the passes and targets registries
    costs about 0.15 s per process; workspaces add dialects through ir-studio.toml.)"""
    from xdsl.dialects import get_all_dialects

    from ir_studio.dialects.extensions import extend_factory

    factories = {name: extend_factory(name, factory)
                 for name, factory in get_all_dialects().items()}
    factories.update(project_dialects())
    return factories


@cache
def shared_context() -> Context:
    """The process-wide parsing context (unregistered dialects allowed, as mlir-opt's
    --allow-unregistered-dialect). Building it applies the extension layer's patch table
    to xDSL, once, for every dialect (`ir_studio.dialects.extensions.patches`)."""
    from ir_studio.dialects.extensions.patches import apply_patches

    apply_patches()
    ctx = Context(allow_unregistered=True)
    for name, factory in all_dialect_factories().items():
        ctx.register_dialect(name, factory)
    return ctx
