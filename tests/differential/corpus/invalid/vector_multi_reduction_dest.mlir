func.func @f(%v: vector<4x8xf32>, %acc: vector<8xf32>) {
  %0 = vector.multi_reduction <add>, %v, %acc [1] : vector<4x8xf32> to vector<8xf32>
  return
}
