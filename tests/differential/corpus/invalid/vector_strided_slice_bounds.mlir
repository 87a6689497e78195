func.func @f(%b: vector<4x4xf32>) {
  %0 = vector.extract_strided_slice %b {offsets = [3, 1], sizes = [2, 2], strides = [1, 1]} : vector<4x4xf32> to vector<2x2xf32>
  return
}
