"""The transform dialect's extension: transform ops hand-written, generated from MLIR 22's
records, and the structured tiling ops.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("ops", "generated", "structured")
