memref.global "private" constant @table : memref<2xi32> = dense<[1, 2]>
func.func @read() -> memref<2xi32> {
  %0 = memref.get_global @table : memref<2xi32>
  return %0 : memref<2xi32>
}
