// 0-d indices have no last dimension to hold the coordinates.
func.func @pick(%source: tensor<4x5xf32>, %indices: tensor<index>) -> tensor<1xf32> {
  %out = tensor.gather %source[%indices] gather_dims([0]) :
    (tensor<4x5xf32>, tensor<index>) -> tensor<1xf32>
  return %out : tensor<1xf32>
}
