"""Upstream MLIR syntax and ops that xDSL 0.74 lacks, so files printed by mlir-opt parse.

xDSL defines some upstream ops in generic form only (`memref.cast`, `scf.parallel`,
`gpu.module`, ...) and leaves out others (`arith.index_castui`, `vector.shape_cast`,
`tensor.generate`, `func.constant`, ...). Each is added to its dialect when that
dialect is first loaded, through `extend_factory`, so nothing is imported up front.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from xdsl.ir import Attribute, Dialect, Operation

# dialect name -> modules of this package whose install() adds syntax and ops to it
_MODULES: dict[str, tuple[str, ...]] = {
    "memref": ("memref", "memref_ops", "memref_transpose", "more_ops"),
    "gpu": ("gpu", "gpu_ops", "gpu_cluster_ops"),
    "scf": ("loops", "forall", "optional_keywords", "reductions"),
    "affine": ("loops", "affine_ops", "reductions"),
    "arith": ("extra_ops", "arith_casts", "optional_keywords"),
    "vector": ("extra_ops", "vector_contract", "vector_ops", "vector_memory_ops", "more_ops"),
    "tensor": ("extra_ops", "forall", "tensor_ops"),
    "func": ("extra_ops", "func_signatures"),
    "cf": ("branch_weights",),
    "llvm": ("llvm", "llvm_types_constrained", "llvm_sync_ops", "llvm_memory", "llvm_eh_ops",
             "llvm_block_address", "llvm_symbols_ops", "func_signatures", "llvm_constants"),
    "linalg": ("linalg_named", "linalg_generated", "linalg_generic", "linalg_map",
               "linalg_elementwise", "linalg_softmax", "linalg_contract", "linalg_pack"),
    "bufferization": ("bufferization",),
    "math": ("math_ops",),
    "dlti": ("dlti_entries",),
    "complex": ("more_ops",),
    "transform": ("transform_ops", "transform_generated", "transform_structured",
                  "transform_handles"),
}


def extend_factory(name: str, factory: Callable[[], Dialect]) -> Callable[[], Dialect]:
    """Wrap a dialect factory so the dialect comes with the upstream syntax and ops."""
    module_names = _MODULES.get(name)
    if module_names is None:
        return factory

    def extended() -> Dialect:
        extra: list[type[Operation]] = []
        attributes: list[type[Attribute]] = []
        for module_name in module_names:
            module = importlib.import_module(f"{__name__}.{module_name}")
            module.install()
            _INSTALLED.add(module_name)
            extra += module.extra_ops(name) if hasattr(module, "extra_ops") else []
            if hasattr(module, "extra_attributes"):
                attributes += module.extra_attributes(name)
        dialect = factory()
        if not extra and not attributes:
            return dialect
        # An extra op of a name the dialect already has replaces xDSL's definition.
        replaced = {op.name for op in extra}
        operations = [*(op for op in dialect.operations if op.name not in replaced), *extra]
        return Dialect(dialect.name, operations, [*dialect.attributes, *attributes],
                       list(dialect._interfaces))  # no public accessor for interfaces

    return extended


_INSTALLED: set[str] = set()


def install_for(dialects: Iterable[str]) -> None:
    """Custom syntax for ops a pass built without a context loading their dialect
    (the printer would fall back to the generic form)."""
    wanted = {module for name in dialects for module in _MODULES.get(name, ())}
    for module_name in sorted(wanted - _INSTALLED):
        importlib.import_module(f"{__name__}.{module_name}").install()
        _INSTALLED.add(module_name)


def install_for_op(op: Operation) -> None:
    """`install_for` the dialects used under `op`; no walk once everything is in."""
    if len(_INSTALLED) == len({m for ms in _MODULES.values() for m in ms}):
        return
    install_for({nested.name.split(".", 1)[0] for nested in op.walk()})
