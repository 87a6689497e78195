// The block arguments take the element types of the inputs, then of the inits.
func.func @widen(%t: tensor<4x8xf16>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %r = linalg.reduce ins(%t : tensor<4x8xf16>) outs(%init : tensor<4xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %s = arith.addf %x, %acc : f32
      linalg.yield %s : f32
    }
  return %r : tensor<4xf32>
}
