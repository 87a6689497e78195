"""The bufferization dialect's extension: `bufferization.dealloc_tensor`, `bufferization.dealloc`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("ops",)
