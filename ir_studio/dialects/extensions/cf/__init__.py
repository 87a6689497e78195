"""The cf dialect's extension: nothing new: the branch-weight syntax is a row of `patches.py`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ()
