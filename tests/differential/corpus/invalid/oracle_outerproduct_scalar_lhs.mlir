func.func @axpy(%x: vector<8xf32>, %a: f32) -> vector<8xf32> {
  %0 = vector.outerproduct %x, %a : vector<8xf32>, f32
  %1 = vector.outerproduct %a, %a : f32, f32
  return %0 : vector<8xf32>
}
