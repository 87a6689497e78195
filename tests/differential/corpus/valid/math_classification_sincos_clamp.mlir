func.func @numerics(%x: f32, %v: vector<4xf32>, %lo: f32, %hi: f32) -> (i1, vector<4xi1>, f32) {
  %nan = math.isnan %x : f32
  %inf = math.isinf %v : vector<4xf32>
  %fin = math.isfinite %x : f32
  %s, %c = math.sincos %x fastmath<nnan,ninf> : f32
  %clamped = math.clampf %s to [%lo, %hi] : f32
  %tail = math.erfc %clamped fastmath<fast> : f32
  return %nan, %inf, %tail : i1, vector<4xi1>, f32
}
