// One side of an index cast must be index, for vectors too.
func.func @a(%v: vector<4xi64>) -> vector<4xi32> {
  %0 = arith.index_cast %v : vector<4xi64> to vector<4xi32>
  return %0 : vector<4xi32>
}
