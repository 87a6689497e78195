func.func @reduce(%x: f32) -> f32 {
  %sum = gpu.all_reduce add %x {} : (f32) -> f32
  %0 = gpu.all_reduce %x {
  ^bb0(%lhs: f32):
    "gpu.yield"(%lhs) : (f32) -> ()
  } : (f32) -> f32
  return %0 : f32
}
