func.func @fill_ones(%out: memref<8xf32>) {
  linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
      outs(%out : memref<8xf32>) {
  ^bb0(%o: f32):
    %one = arith.constant 1 : i32
    linalg.yield %one : i32
  }
  return
}
