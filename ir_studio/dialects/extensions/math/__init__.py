"""The math dialect's extension: `math.erfc` and the classification ops.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("ops",)
