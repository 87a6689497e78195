"""The builtin dialect's extension: nothing new: affine-expression and location changes are
rows of `patches.py`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ()
