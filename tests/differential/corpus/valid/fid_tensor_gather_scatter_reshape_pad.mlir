// tensor.reshape of and to unranked tensors, tensor.pad with dynamic sizes the padding does not
// fix, tensor.gather (kept and dropped dims) and tensor.scatter.
func.func @k(%t: tensor<*xf32>, %s: tensor<1xi32>, %r: tensor<4xf32>, %s2: tensor<2xindex>) -> tensor<?xf32> {
  %0 = tensor.reshape %t(%s) : (tensor<*xf32>, tensor<1xi32>) -> tensor<?xf32>
  %1 = tensor.reshape %r(%s2) : (tensor<4xf32>, tensor<2xindex>) -> tensor<*xf32>
  return %0 : tensor<?xf32>
}
func.func @pad(%a: tensor<2x3xf32>, %b: tensor<?x?xf32>, %n: index, %v: f32) -> (tensor<?x?xf32>, tensor<2x3xf32>) {
  %0 = tensor.pad %a low[0, 0] high[%n, %n] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<?x?xf32>
  %1 = tensor.pad %b low[0, 0] high[%n, %n] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x?xf32> to tensor<2x3xf32>
  return %0, %1 : tensor<?x?xf32>, tensor<2x3xf32>
}
func.func @g(%t: tensor<4x5x6xf32>, %i: tensor<1x2x2xindex>, %d: tensor<4x5x6xf32>) -> tensor<1x2x1x5x1xf32> {
  %0 = tensor.gather %t[%i] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2x1x5x1xf32>
  %1 = tensor.gather %t[%i] gather_dims([0, 2]) unique : (tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2x5xf32>
  %2 = tensor.scatter %0 into %d[%i] scatter_dims([0, 2]) unique : (tensor<1x2x1x5x1xf32>, tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<4x5x6xf32>
  return %0 : tensor<1x2x1x5x1xf32>
}
