func.func @pad(%t: tensor<?x4xi32>, %v: i32) -> tensor<?x9xi32> {
  %0 = tensor.pad %t low[1, 2] high[2, 3] {
  ^bb0(%i: i32, %j: i32):
    tensor.yield %v : i32
  } : tensor<?x4xi32> to tensor<?x9xi32>
  return %0 : tensor<?x9xi32>
}
