// Kernels compiled for two targets, as gpu-module-to-binary leaves them, launched from
// the host by symbol.
module attributes {gpu.container_module} {
  gpu.binary @kernels <#gpu.select_object<1>> [
    #gpu.object<#nvvm.target<chip = "sm_80">, "compiled-ptx-or-cubin">,
    #gpu.object<#rocdl.target<chip = "gfx90a">, properties = {O = 3 : i32}, bin = "hsaco">
  ]
  gpu.binary @fallback {note = "one object"} [#gpu.object<#nvvm.target, assembly = "ptx">]

  func.func @host(%n: index, %x: f32, %device: i32) {
    gpu.set_default_device %device
    gpu.launch_func @kernels::@scale blocks in (%n, %n, %n) threads in (%n, %n, %n)
        args(%x : f32)
    return
  }
}
