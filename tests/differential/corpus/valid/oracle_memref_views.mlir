// Subviews of every layout kind (identity, strided, affine map with symbols),
// rank-reducing and dynamic; reshapes with dynamic groups; an aligned alloca.
#tiled = affine_map<(d0, d1)[s0, s1] -> (d0 * s1 + s0 + d1)>
func.func @views(%m: memref<8x16x4xf32>, %s: memref<64x32xf32, strided<[64, 2], offset: 5>>,
                 %a: memref<?x?xf32, #tiled>, %i: index, %n: index) {
  %0 = memref.subview %m[0, 2, 0] [8, 1, 4] [1, 1, 1]
      : memref<8x16x4xf32> to memref<8x4xf32, strided<[64, 1], offset: 8>>
  %1 = memref.subview %m[%i, 0, 1] [4, %n, 2] [2, 1, 1]
      : memref<8x16x4xf32> to memref<4x?x2xf32, strided<[128, 4, 1], offset: ?>>
  %2 = memref.subview %s[1, 2] [8, 8] [2, 3]
      : memref<64x32xf32, strided<[64, 2], offset: 5>>
        to memref<8x8xf32, strided<[128, 6], offset: 73>>
  %3 = memref.subview %a[%i, 0] [2, 3] [1, 1]
      : memref<?x?xf32, #tiled> to memref<2x3xf32, strided<[?, 1], offset: ?>>
  %4 = memref.subview %m[0, 0, 0] [1, 16, 1] [1, 1, 1]
      : memref<8x16x4xf32> to memref<16xf32, strided<[4]>>
  %5 = memref.subview %m[7, 15, 3] [1, 1, 1] [1, 1, 1]
      : memref<8x16x4xf32> to memref<f32, strided<[], offset: 511>>
  %6 = memref.collapse_shape %m [[0, 1], [2]] : memref<8x16x4xf32> into memref<128x4xf32>
  %7 = memref.expand_shape %6 [[0, 1], [2]] output_shape [2, 64, 4]
      : memref<128x4xf32> into memref<2x64x4xf32>
  %d = memref.alloc(%n) : memref<?x4xf32>
  %8 = memref.expand_shape %d [[0, 1], [2]] output_shape [%n, 1, 4]
      : memref<?x4xf32> into memref<?x1x4xf32>
  %9 = memref.collapse_shape %8 [[0, 1, 2]] : memref<?x1x4xf32> into memref<?xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %m[%c0, %c0, %c0] : memref<8x16x4xf32>
  memref.store %v, %m[%c0, %c0, %c0] : memref<8x16x4xf32>
  %w = memref.alloca() {alignment = 64} : memref<4xf32>
  %r = memref.reinterpret_cast %d to offset: [0], sizes: [%n, 2, 2], strides: [4, 2, 1]
      : memref<?x4xf32> to memref<?x2x2xf32, strided<[4, 2, 1]>>
  %old = memref.atomic_rmw assign %v, %w[%c0] : (f32, memref<4xf32>) -> f32
  %t = memref.alloc(%n)[%i, %n] : memref<4x?xf32, #tiled>
  return
}
