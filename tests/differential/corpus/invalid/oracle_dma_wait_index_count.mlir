func.func @wait_on_tag(%tag: memref<2x2xi32>, %i: index, %n: index) {
  "memref.dma_wait"(%tag, %i, %n) : (memref<2x2xi32>, index, index) -> ()
  return
}
