func.func @f(%v: vector<4xf32>) -> f32 {
  %0 = vector.extract %v[7] : f32 from vector<4xf32>
  return %0 : f32
}
