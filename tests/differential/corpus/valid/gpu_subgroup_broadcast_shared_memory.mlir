// Broadcasting and rotating values across a subgroup, and the kernel's dynamic shared
// memory.
gpu.module @kernels {
  gpu.func @share(%x: f32, %lane: i32, %v: vector<4xf16>) kernel {
    %first = gpu.subgroup_broadcast %x, first_active_lane : f32
    %from = gpu.subgroup_broadcast %x, specific_lane %lane : f32
    %vec = gpu.subgroup_broadcast %v, first_active_lane {tag} : vector<4xf16>
    %rot, %ok = gpu.rotate %x, 1, 16 : f32
    %vrot, %vok = gpu.rotate %v, 3, 32 : vector<4xf16>
    %smem = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
    gpu.return
  }
}
