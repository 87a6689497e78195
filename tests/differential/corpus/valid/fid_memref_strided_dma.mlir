// memref.dma_start in the strided form: a stride and a number of elements per stride.
func.func @dma(%a: memref<40x128xf32>, %b: memref<2x1024xf32, 1>, %tag: memref<1xi32>, %stride: index, %per: index) {
  %c0 = arith.constant 0 : index
  %n = arith.constant 256 : index
  memref.dma_start %a[%c0, %c0], %b[%c0, %c0], %n, %tag[%c0], %stride, %per : memref<40x128xf32>, memref<2x1024xf32, 1>, memref<1xi32>
  memref.dma_wait %tag[%c0], %n : memref<1xi32>
  return
}
// memref.copy between compatible shapes (a dynamic size matches a static one).
func.func @copy(%a: memref<?xf32, strided<[?], offset: ?>>, %b: memref<5xf32, strided<[?], offset: ?>>) {
  memref.copy %a, %b : memref<?xf32, strided<[?], offset: ?>> to memref<5xf32, strided<[?], offset: ?>>
  return
}
