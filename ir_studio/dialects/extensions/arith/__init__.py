"""The arith dialect's extension: `arith.index_castui`, `arith.remf`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("extra_ops",)
