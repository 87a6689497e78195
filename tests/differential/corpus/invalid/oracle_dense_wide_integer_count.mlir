// Three values for a two-element tensor of i128.
func.func @keys() attributes {table = dense<[1, 2, 3]> : tensor<2xi128>} {
  return
}
