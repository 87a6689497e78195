"""The llvm dialect's extension: `llvm.switch`, casts and intrinsics, the constrained
intrinsics, atomics and fences, `llvm.intr.vector.insert/extract`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = (
    "syntax", "types_constrained", "sync_ops", "memory", "eh_ops", "block_address",
    "symbols_ops",
)
