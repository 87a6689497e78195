gpu.module @k {
  gpu.func @f(%a: f32) kernel {
    %t = gpu.thread_id w
    gpu.return
  }
}
