// All inputs of one reduction have the same shape.
func.func @pair(%a: tensor<4x8xf32>, %b: tensor<4x6xi32>, %x: tensor<4xf32>,
                %y: tensor<4xi32>) -> tensor<4xf32> {
  %m, %i = linalg.reduce ins(%a, %b : tensor<4x8xf32>, tensor<4x6xi32>)
                         outs(%x, %y : tensor<4xf32>, tensor<4xi32>) dimensions = [1]
    (%p: f32, %q: i32, %r: f32, %s: i32) {
      linalg.yield %p, %q : f32, i32
    }
  return %m : tensor<4xf32>
}
