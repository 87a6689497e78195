func.func @shuffle(%x: f32, %offset: i32, %width: i32) {
  %a, %ok = gpu.shuffle xor %x, %offset, %width : f32
  %b, %ok2 = "gpu.shuffle"(%x, %offset, %width) <{mode = #gpu<shuffle_mode xor>}> : (f32, i32, i32) -> (i32, i1)
  return
}
