gpu.module @kernels {
  gpu.func @k() kernel {
    %0 = arith.constant 0 : index
    gpu.return %0 : index
  }
}
