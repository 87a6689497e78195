// Only a `specific_lane` broadcast names its lane, and it must.
gpu.module @kernels {
  gpu.func @share(%x: f32, %lane: i32) kernel {
    %ok = gpu.subgroup_broadcast %x, specific_lane %lane : f32
    %no = gpu.subgroup_broadcast %x, first_active_lane %lane : f32
    gpu.return
  }
}
