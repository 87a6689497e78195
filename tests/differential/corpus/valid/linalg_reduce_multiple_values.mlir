// linalg.reduce of two values at once (a max and its position), on tensors and on
// buffers, and the short form with the combining op's attributes.
func.func @argmax(%scores: tensor<8x64xf32>, %ids: tensor<8x64xi32>,
                  %best: tensor<8xf32>, %at: tensor<8xi32>) -> (tensor<8xf32>, tensor<8xi32>) {
  %max, %pos = linalg.reduce ins(%scores, %ids : tensor<8x64xf32>, tensor<8x64xi32>)
                             outs(%best, %at : tensor<8xf32>, tensor<8xi32>) dimensions = [1]
    (%s: f32, %i: i32, %b: f32, %p: i32) {
      %bigger = arith.cmpf ogt, %s, %b : f32
      %m = arith.select %bigger, %s, %b : f32
      %q = arith.select %bigger, %i, %p : i32
      linalg.yield %m, %q : f32, i32
    }
  return %max, %pos : tensor<8xf32>, tensor<8xi32>
}

func.func @column_sums(%m: memref<16x4xf32>, %lo: memref<4xf32>, %hi: memref<4xf32>) {
  linalg.reduce ins(%m, %m : memref<16x4xf32>, memref<16x4xf32>)
                outs(%lo, %hi : memref<4xf32>, memref<4xf32>) dimensions = [0] {tag = "minmax"}
    (%a: f32, %b: f32, %x: f32, %y: f32) {
      %l = arith.minimumf %a, %x : f32
      %h = arith.maximumf %b, %y : f32
      linalg.yield %l, %h : f32, f32
    }
  return
}

func.func @short(%t: tensor<4x8xf32>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %r = linalg.reduce { arith.addf {fastmath = #arith.fastmath<fast>} }
         ins(%t : tensor<4x8xf32>) outs(%init : tensor<4xf32>) dimensions = [1]
  return %r : tensor<4xf32>
}

func.func @positions(%t: tensor<4x8xindex>, %init: tensor<4xindex>) -> tensor<4xindex> {
  %r = linalg.reduce ins(%t : tensor<4x8xindex>) outs(%init : tensor<4xindex>) dimensions = [1]
    (%x: index, %acc: index) {
      %k = linalg.index 1 : index
      %s = arith.addi %x, %k : index
      %m = arith.maxui %s, %acc : index
      linalg.yield %m : index
    }
  return %r : tensor<4xindex>
}
