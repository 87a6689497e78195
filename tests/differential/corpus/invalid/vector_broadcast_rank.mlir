func.func @f(%v: vector<4x4xf32>) -> vector<4xf32> {
  %0 = vector.broadcast %v : vector<4x4xf32> to vector<4xf32>
  return %0 : vector<4xf32>
}
