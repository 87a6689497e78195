"""The memref dialect's extension: `memref.reshape`, `memref.prefetch`, `memref.transpose`,
`memref.generic_atomic_rmw`, `memref.realloc`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("ops", "transpose", "more_ops", "distinct_objects")
