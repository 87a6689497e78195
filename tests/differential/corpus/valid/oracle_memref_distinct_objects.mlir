// Two buffers promised not to overlap, then used through the results.
func.func @axpy(%x: memref<?xf32>, %y: memref<?xf32>, %a: f32, %i: index) {
  %xs, %ys = memref.distinct_objects %x, %y : memref<?xf32>, memref<?xf32>
  %xv = memref.load %xs[%i] : memref<?xf32>
  %yv = memref.load %ys[%i] : memref<?xf32>
  %p = arith.mulf %a, %xv : f32
  %s = arith.addf %p, %yv : f32
  memref.store %s, %ys[%i] : memref<?xf32>
  return
}
