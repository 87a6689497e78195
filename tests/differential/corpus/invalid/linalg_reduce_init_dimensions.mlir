// The inits keep the input dimensions that are not reduced: here the second one.
func.func @rows(%t: tensor<4x8xf32>, %ok: tensor<4xf32>, %bad: tensor<8xf32>) -> tensor<4xf32> {
  %r = linalg.reduce ins(%t : tensor<4x8xf32>) outs(%ok : tensor<4xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %s = arith.addf %x, %acc : f32
      linalg.yield %s : f32
    }
  %w = linalg.reduce ins(%t : tensor<4x8xf32>) outs(%bad : tensor<8xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %s = arith.addf %x, %acc : f32
      linalg.yield %s : f32
    }
  return %r : tensor<4xf32>
}
