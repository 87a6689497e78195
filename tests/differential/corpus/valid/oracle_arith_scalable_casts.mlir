// Casts between scalable vectors of the same shape, and bitcasts of same-width
// scalars and tensors.
func.func @scalable(%v: vector<[4]xi32>, %f: vector<2x[4]xf32>, %t: tensor<3xf32>)
    -> (vector<[4]xi64>, vector<2x[4]xf64>, vector<[4]xf32>, tensor<3xi32>) {
  %a = arith.extui %v : vector<[4]xi32> to vector<[4]xi64>
  %b = arith.extf %f : vector<2x[4]xf32> to vector<2x[4]xf64>
  %c = arith.bitcast %v : vector<[4]xi32> to vector<[4]xf32>
  %d = arith.bitcast %t : tensor<3xf32> to tensor<3xi32>
  return %a, %b, %c, %d : vector<[4]xi64>, vector<2x[4]xf64>, vector<[4]xf32>, tensor<3xi32>
}
