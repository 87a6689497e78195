func.func @f() {
  %0 = vector.constant_mask [5] : vector<4xi1>
  return
}
