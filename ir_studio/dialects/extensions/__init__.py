"""MLIR 22 syntax, ops and checks that xDSL 0.74 lacks: ir-studio's one layer over xDSL.

Two kinds of addition, kept apart so that neither depends on what loaded first:

* NEW ops (and types/attributes). Each upstream dialect with additions has a package
  here (`extensions/memref/`, `extensions/llvm/`, ...) whose `MODULES` names the modules
  whose `ops()` (and, where a module defines any, `attributes()`) join the dialect.
  `extend_factory` builds the extended `Dialect` when the dialect first loads: adding
  definitions is deterministic, so it can stay lazy. An added op named like one of
  xDSL's replaces xDSL's definition in that dialect.
* CHANGES to xDSL's existing classes (syntax attached, verifiers replaced, constraints
  widened, two global replacements). Each is a row of `patches.PATCHES`, applied once,
  for every dialect, when `shared_context()` is built (`patches.apply_patches`).
  `tests/core/test_xdsl_canary.py` checks the table against xDSL: every symbol it
  changes or private name it uses still exists with the recorded signature, and nothing
  outside the table differs from a pristine import of xDSL.

Adding to the layer: new ops (or types) go in a module of `extensions/<dialect>/` with
an `ops()` (or `attributes()`) function, listed in that package's `MODULES`; a change to
an xDSL class is a function (in the module of the dialect it changes) named by a new row
of `patches.PATCHES`, and its names go in `protected.PATCHED` (`python -m
ir_studio.dialects.extensions.protected` prints them); the canary test says what is
missing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

from xdsl.ir import Attribute, Dialect, Operation

# Upstream dialects that gain ops here (a package of that name with `MODULES`).
EXTENDED_DIALECTS: tuple[str, ...] = (
    "affine", "arith", "bufferization", "complex", "func", "gpu", "linalg", "llvm", "math",
    "memref", "scf", "tensor", "transform", "vector",
)


def _modules(name: str) -> list[ModuleType]:
    if name not in EXTENDED_DIALECTS:
        return []
    package = importlib.import_module(f"{__name__}.{name}")
    return [importlib.import_module(f"{__name__}.{name}.{module_name}")
            for module_name in package.MODULES]


def new_ops(name: str) -> list[type[Operation]]:
    """The ops the extension of dialect `name` adds, in its declared module order."""
    added: list[type[Operation]] = []
    for module in _modules(name):
        added += module.ops() if hasattr(module, "ops") else []
    return added


def new_attributes(name: str) -> list[type[Attribute]]:
    """The types and attributes the extension of dialect `name` adds."""
    added: list[type[Attribute]] = []
    for module in _modules(name):
        if hasattr(module, "attributes"):
            added += module.attributes()
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
        return Dialect(dialect.name, operations,
                       [*dialect.attributes, *new_attributes(name)],
                       list(dialect._interfaces))  # no public accessor for interfaces

    return extended
