func.func @mc(%m: memref<4xf32>, %u: memref<*xf32>) -> memref<?xf32> {
  %0 = memref.cast %m : memref<4xf32> to memref<?xf32>
  %1 = memref.alloc() {alignment = 64 : i64} : memref<4x4xf32>
  memref.copy %1, %1 : memref<4x4xf32> to memref<4x4xf32>
  %r = memref.rank %m : memref<4xf32>
  %p = memref.extract_aligned_pointer_as_index %m : memref<4xf32> -> index
  %c0 = arith.constant 0 : index
  %cst = arith.constant 1.0 : f32
  %x = memref.atomic_rmw addf %cst, %m[%c0] : (f32, memref<4xf32>) -> f32
  memref.alloca_scope {
    %a = memref.alloca() : memref<4xf32>
  }
  %s = memref.alloca_scope -> (f32) {
    memref.alloca_scope.return %cst : f32
  }
  %u2 = memref.cast %m : memref<4xf32> to memref<*xf32>
  memref.dealloc %1 : memref<4x4xf32>
  return %0 : memref<?xf32>
}
