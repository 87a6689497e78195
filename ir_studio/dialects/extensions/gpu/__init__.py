"""The gpu dialect's extension: `gpu.all_reduce`, `gpu.subgroup_reduce`, `gpu.shuffle`,
`gpu.printf`, the cluster queries.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = ("ops", "cluster_ops")
