module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @k(%a: memref<16xf32>) kernel {
      %tid = gpu.thread_id x
      %bid = gpu.block_id y
      %l = gpu.lane_id
      %v = memref.load %a[%tid] : memref<16xf32>
      gpu.barrier
      gpu.return
    }
    gpu.func @helper(%x: f32) -> f32 {
      gpu.return %x : f32
    }
  }
  func.func @host(%m: memref<16xf32>) {
    %c1 = arith.constant 1 : index
    %c16 = arith.constant 16 : index
    gpu.launch_func @kernels::@k blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1) args(%m : memref<16xf32>)
    %t = gpu.wait async
    %d, %t2 = gpu.alloc async [%t] () : memref<16xf32>
    %t3 = gpu.memcpy async [%t2] %d, %m : memref<16xf32>, memref<16xf32>
    %t4 = gpu.dealloc async [%t3] %d : memref<16xf32>
    gpu.wait [%t4]
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %c16, %sy = %c1, %sz = %c1) {
      %v = memref.load %m[%tx] : memref<16xf32>
      gpu.terminator
    }
    return
  }
}
