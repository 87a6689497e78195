func.func @aligned(%m: memref<8xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %buffer = memref.alloc() {alignment = 48} : memref<8xf32>
  %v = memref.load %m[%c0] : memref<8xf32>
  return %v : f32
}
