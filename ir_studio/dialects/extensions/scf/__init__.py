"""The scf dialect's extension: `scf.forall` and its `scf.forall.in_parallel`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("forall",)
