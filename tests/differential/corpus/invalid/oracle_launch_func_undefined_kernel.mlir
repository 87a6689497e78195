module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @scale(%x: f32) kernel {
      gpu.return
    }
  }
  func.func @launch(%n: index, %x: f32) {
    gpu.launch_func @kernels::@scale blocks in (%n, %n, %n) threads in (%n, %n, %n) args(%x : f32)
    gpu.launch_func @kernels::@shift blocks in (%n, %n, %n) threads in (%n, %n, %n) args(%x : f32)
    return
  }
}
