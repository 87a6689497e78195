// The results are the operands, so their types must be the operands' types.
func.func @swap(%x: memref<8xf32>, %y: memref<8xi32>) {
  %0:2 = "memref.distinct_objects"(%x, %y) : (memref<8xf32>, memref<8xi32>) -> (memref<8xi32>, memref<8xf32>)
  return
}
