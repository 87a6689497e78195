// linalg.pack (padding value, outer permutation, static and dynamic tiles) and linalg.unpack.
func.func @p(%src: tensor<13x15xf32>, %dest: tensor<2x2x8x8xf32>, %zero: f32, %t: index, %d2: tensor<2x2x8x?xf32>, %out: tensor<13x15xf32>) -> tensor<13x15xf32> {
  %p = linalg.pack %src padding_value(%zero : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %dest : tensor<13x15xf32> -> tensor<2x2x8x8xf32>
  %q = linalg.pack %src padding_value(%zero : f32) inner_dims_pos = [0, 1] inner_tiles = [8, %t] into %d2 : tensor<13x15xf32> -> tensor<2x2x8x?xf32>
  %u = linalg.unpack %p outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %out : tensor<2x2x8x8xf32> -> tensor<13x15xf32>
  return %u : tensor<13x15xf32>
}
