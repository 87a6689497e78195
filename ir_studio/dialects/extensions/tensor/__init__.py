"""The tensor dialect's extension: `tensor.generate`, `tensor.parallel_insert_slice`,
`tensor.rank`, `tensor.bitcast`, `tensor.gather`/`scatter`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("generate", "forall_ops", "ops")
