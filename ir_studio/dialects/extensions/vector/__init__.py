"""The vector dialect's extension: `vector.shape_cast`, `vector.contract`, shape and memory
ops, `vector.scalable.*`, `vector.scan`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("shape_cast", "contract", "ops", "memory_ops", "scalable_scan")
