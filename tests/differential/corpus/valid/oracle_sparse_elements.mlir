// Sparse elements literals: explicit index lists, a scalar index meaning the same
// position in every dimension, hex values, the empty form, and string elements.
func.func @tables() attributes {diag = sparse<[[0, 0], [1, 1], [2, 2]], [1.0, 2.0, 3.0]> : tensor<3x3xf32>} {
  "lut.init"() {corner = sparse<0, -2> : tensor<1x1x1xi8>,
                empty = sparse<> : tensor<4x4xi32>,
                bits = sparse<[[1, 0]], [0x7F800001]> : tensor<2x2xf32>,
                names = sparse<[[1, 1]], ["x"]> : tensor<2x2x!lut.name>,
                row = sparse<[0, 2], [5, 7]> : vector<4xi16>} : () -> ()
  return
}
