func.func @staging(%n: index, %flat: memref<*xf16>, %dims: memref<2xi64>) -> memref<?x?xf16> {
  %zero = arith.constant 0 : index
  %count = arith.constant 128 : index
  %host = memref.alloc() : memref<128 x f16, affine_map<(d0) -> (d0)>, 0>
  %device = memref.alloc() : memref<128 x f16, 2>
  %sem = memref.alloc() : memref<1 x i64>
  memref.dma_start %host[%zero], %device[%zero], %count, %sem[%zero] : memref<128xf16>, memref<128xf16, 2>, memref<1xi64>
  memref.dma_wait %sem[%zero], %count : memref<1xi64>
  memref.prefetch %host[%zero], read, locality<3>, data : memref<128xf16>
  %copy = memref.alloc() : memref<128xf16>
  %a = memref.cast %host : memref<128xf16> to memref<*xf16>
  %b = memref.cast %copy : memref<128xf16> to memref<*xf16>
  memref.copy %a, %b : memref<*xf16> to memref<*xf16>
  %scalar = memref.alloca() : memref<f16>
  %grown = memref.expand_shape %scalar [] output_shape [1, 1] : memref<f16> into memref<1x1xf16>
  %view = memref.reshape %flat(%dims) : (memref<*xf16>, memref<2xi64>) -> memref<?x?xf16>
  return %view : memref<?x?xf16>
}
