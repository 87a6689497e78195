// A rotation offset stays below the width it rotates within.
gpu.module @kernels {
  gpu.func @spin(%x: f32) kernel {
    %a, %ok = gpu.rotate %x, 15, 16 : f32
    %b, %no = gpu.rotate %x, 16, 16 : f32
    gpu.return
  }
}
