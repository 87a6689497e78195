// gpu.launch with clusters (cluster ids and sizes follow the grid and block sizes in the
// body's arguments) and gpu.alloc with symbol operands for its layout.
func.func @p(%n: index) {
  %c1 = arith.constant 1 : index
  gpu.launch clusters(%cx, %cy, %cz) in (%sx = %c1, %sy = %c1, %sz = %c1) blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%lx = %c1, %ly = %c1, %lz = %c1) {
    %s = arith.addi %cx, %sx : index
    %t = arith.addi %bx, %gx : index
    gpu.terminator
  }
  return
}
func.func @q(%n: index, %s: index) {
  %0 = gpu.alloc (%n)[%s] : memref<?xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
  %t = gpu.wait async
  %1, %t2 = gpu.alloc async [%t] (%n)[%s] : memref<?xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
  return
}
gpu.module @outlined {
  gpu.func @k() kernel {
    %cx = gpu.cluster_id x
    %cd = gpu.cluster_dim y upper_bound 8
    %cb = gpu.cluster_block_id z
    %cn = gpu.cluster_dim_blocks x
    gpu.return
  }
}
