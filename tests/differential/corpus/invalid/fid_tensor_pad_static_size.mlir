// Padding a static size by a constant fixes the result size: 3 + 1 = 4, not dynamic.
func.func @pad(%a: tensor<2x3xf32>, %n: index, %v: f32) -> tensor<?x?xf32> {
  %0 = tensor.pad %a low[0, 0] high[%n, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
