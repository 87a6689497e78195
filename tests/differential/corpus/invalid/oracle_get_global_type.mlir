memref.global "private" @counts : memref<3xi32>
func.func @read() -> memref<3xf32> {
  %0 = memref.get_global @counts : memref<3xf32>
  return %0 : memref<3xf32>
}
