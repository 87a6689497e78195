module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @kernel(%arg: f32) workgroup(%w: memref<4xf32, #gpu.address_space<workgroup>>, %w2: memref<4xf32, 3>) private(%p: memref<4xf32, #gpu.address_space<private>>) kernel {
      gpu.return
    }
  }
}
