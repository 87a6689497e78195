// A DMA from a scalar: MLIR's verifier names the operand instead of crashing.
func.func @copy_scalar(%value: f32, %tag: memref<1xi32>, %n: index) {
  %c0 = arith.constant 0 : index
  memref.dma_start %value[%c0], %value[%c0], %n, %tag[%c0] : f32, f32, memref<1xi32>
  return
}
