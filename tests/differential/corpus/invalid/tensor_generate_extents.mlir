func.func @bad(%n: index) {
  %2 = tensor.generate {
  ^bb0(%i: index):
    %c = arith.index_cast %i : index to i32
    tensor.yield %c : i32
  } : tensor<?xi32>
  return
}
