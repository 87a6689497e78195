// Row 3 of a 3x3 tensor does not exist.
func.func @tables() attributes {diag = sparse<[[0, 0], [3, 3]], [1.0, 2.0]> : tensor<3x3xf32>} {
  return
}
