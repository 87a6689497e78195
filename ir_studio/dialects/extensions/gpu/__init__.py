"""The gpu dialect's extension: `gpu.all_reduce`, `gpu.subgroup_reduce`, `gpu.shuffle`,
`gpu.printf`, the cluster queries, the MMA matrix ops and type, `gpu.memset`, the lane
ops (`subgroup_broadcast`, `rotate`, `dynamic_shared_memory`), the sparse ops and handle
types, `gpu.warp_execute_on_lane_0`, `gpu.binary`.

Declared, not executed: `MODULES` names the modules whose `ops()` join the dialect when
it loads (`extensions.extend_factory`); importing this package does nothing else."""

MODULES: tuple[str, ...] = (
    "ops", "cluster_ops", "mma", "mma_values", "memset", "lane_ops", "sparse", "warp", "binary",
)
