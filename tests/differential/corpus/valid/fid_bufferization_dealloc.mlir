// bufferization.dealloc with conditions and retained memrefs (one updated condition each),
// without retained memrefs, and empty.
func.func @dealloc(%a: memref<2xf32>, %b: memref<4xi32>, %c: i1, %d: i1, %r: memref<?xf32>, %s: memref<*xf64>) -> (i1, i1) {
  %0:2 = bufferization.dealloc (%a, %b : memref<2xf32>, memref<4xi32>) if (%c, %d) retain (%r, %s : memref<?xf32>, memref<*xf64>)
  bufferization.dealloc (%a : memref<2xf32>) if (%c)
  bufferization.dealloc
  return %0#0, %0#1 : i1, i1
}
