func.func @f(%b: vector<4x3xf32>) {
  %0 = vector.transpose %b, [1, 0] : vector<4x3xf32> to vector<4x3xf32>
  return
}
