"""The affine dialect's extension: `affine.max`, `affine.delinearize_index`,
`affine.linearize_index`, `affine.prefetch`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("ops",)
