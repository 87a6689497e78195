func.func @stage_through_shared(%m: memref<16xf32>) {
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %c16, %sy = %c1, %sz = %c1) workgroup(%tile : memref<16xf32, #gpu.address_space<workgroup>>) {
    %v = memref.load %m[%tx] : memref<16xf32>
    memref.store %v, %tile[%tx] : memref<16xf32, #gpu.address_space<workgroup>>
    gpu.terminator
  }
  return
}
