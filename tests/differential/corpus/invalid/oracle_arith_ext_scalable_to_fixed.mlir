// A scalable vector and a fixed one of the same size do not have the same shape.
func.func @widen(%v: vector<[8]xi16>) -> vector<8xi32> {
  %w = arith.extsi %v : vector<[8]xi16> to vector<8xi32>
  return %w : vector<8xi32>
}
