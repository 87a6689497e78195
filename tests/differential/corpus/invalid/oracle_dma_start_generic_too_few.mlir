func.func @dma_without_operands(%buffer: memref<4x4xf32>, %i: index) {
  "memref.dma_start"(%buffer, %i, %i) : (memref<4x4xf32>, index, index) -> ()
  return
}
