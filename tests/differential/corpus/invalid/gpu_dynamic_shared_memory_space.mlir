// Dynamic shared memory lives in the workgroup address space.
gpu.module @kernels {
  gpu.func @smem() kernel {
    %ok = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
    %no = gpu.dynamic_shared_memory : memref<?xi8>
    gpu.return
  }
}
