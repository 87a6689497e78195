"""The transform dialect's extension: transform ops hand-written, generated from MLIR 22's
records (syntax shapes and keyword options), the structured tiling, matching and rewrite
ops, `alternatives`/`foreach_match`, the PDL and debug extensions,
`apply_registered_pass`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = (
    "ops", "generated", "structured", "matchers", "control", "rewrites", "tiling", "pdl",
    "debug", "registered_pass", "options",
)
