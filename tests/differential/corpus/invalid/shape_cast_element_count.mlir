func.func @bad(%v: vector<4x4xf32>) {
  %1 = vector.shape_cast %v : vector<4x4xf32> to vector<15xf32>
  return
}
