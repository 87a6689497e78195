memref.global "private" constant @table : memref<4xi32> = dense<[1, 2, 3, 4]>
func.func @read() -> (memref<4xi32>, memref<4xi32>) {
  %0 = memref.get_global @table : memref<4xi32>
  %1 = memref.get_global @tabel : memref<4xi32>
  return %0, %1 : memref<4xi32>, memref<4xi32>
}
