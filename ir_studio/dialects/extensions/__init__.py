"""MLIR 22 syntax, ops and checks that xDSL 0.74 lacks: ir-studio's one layer over xDSL.

Two kinds of addition, kept apart so that neither depends on what loaded first:

* NEW ops. Each upstream dialect with additions has a package here
  (`extensions/memref/`, `extensions/llvm/`, ...) whose `MODULES` names the modules
  whose `ops()` join the dialect. `extend_factory` builds the extended `Dialect` when
  the dialect first loads: adding definitions is deterministic, so it can stay lazy. An
  added op named like one of xDSL's replaces xDSL's definition in that dialect.
* CHANGES to xDSL's existing classes (syntax attached, verifiers replaced, constraints
  widened, two global replacements). Each is a row of `patches.PATCHES`, applied once,
  for every dialect, when `shared_context()` is built (`patches.apply_patches`).
  `tests/core/test_xdsl_canary.py` checks the table against xDSL: every symbol it
  changes or private name it uses still exists with the recorded signature, and nothing
  outside the table differs from a pristine import of xDSL.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from xdsl.ir import Dialect, Operation

# Upstream dialects that gain ops here (a package of that name with `MODULES`).
EXTENDED_DIALECTS: tuple[str, ...] = (
    "affine", "arith", "bufferization", "complex", "func", "gpu", "linalg", "llvm", "math",
    "memref", "scf", "tensor", "transform", "vector",
)


def new_ops(name: str) -> list[type[Operation]]:
    """The ops the extension of dialect `name` adds, in its declared module order."""
    if name not in EXTENDED_DIALECTS:
        return []
    package = importlib.import_module(f"{__name__}.{name}")
    added: list[type[Operation]] = []
    for module_name in package.MODULES:
        added += importlib.import_module(f"{__name__}.{name}.{module_name}").ops()
    return added


def extend_factory(name: str, factory: Callable[[], Dialect]) -> Callable[[], Dialect]:
    """Wrap a dialect factory so the dialect comes with its extension's new ops."""
    if name not in EXTENDED_DIALECTS:
        return factory

    def extended() -> Dialect:
        dialect = factory()
        extra = new_ops(name)
        # An added op of a name the dialect already has replaces xDSL's definition.
        replaced = {op.name for op in extra}
        operations = [*(op for op in dialect.operations if op.name not in replaced), *extra]
        return Dialect(dialect.name, operations, list(dialect.attributes),
                       list(dialect._interfaces))  # no public accessor for interfaces

    return extended
