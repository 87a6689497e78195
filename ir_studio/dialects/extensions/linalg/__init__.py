"""The linalg dialect's extension: the named structured ops (hand-written and generated
from MLIR 22's table), `linalg.map`, the elementwise ops, `linalg.softmax`,
`linalg.contract`, `linalg.pack`/`unpack`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = (
    "named", "generated", "map", "elementwise", "softmax", "contract", "pack",
)
