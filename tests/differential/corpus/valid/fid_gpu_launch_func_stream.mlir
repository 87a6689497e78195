// gpu.launch_func on a stream object with i64 launch sizes, and with clusters and an async
// dependency.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @k(%x: f32) kernel {
      gpu.return
    }
  }
  func.func @launch(%s: !llvm.ptr, %n: i64, %i: index, %x: f32, %t: !gpu.async.token) {
    gpu.launch_func <%s : !llvm.ptr> @kernels::@k blocks in (%n, %n, %n) threads in (%n, %n, %n) : i64 args(%x : f32)
    %t2 = gpu.launch_func async [%t] @kernels::@k clusters in (%i, %i, %i) blocks in (%i, %i, %i) threads in (%i, %i, %i) args(%x : f32)
    return
  }
}
