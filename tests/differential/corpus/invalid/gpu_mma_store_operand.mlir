// Only an accumulator ("COp") matrix is stored.
func.func @store(%m: memref<16x16xf16>, %a: !gpu.mma_matrix<16x16xf16, "AOp">,
                 %c: !gpu.mma_matrix<16x16xf16, "COp">, %i: index) {
  gpu.subgroup_mma_store_matrix %c, %m[%i, %i] {leadDimension = 16 : index}
      : !gpu.mma_matrix<16x16xf16, "COp">, memref<16x16xf16>
  gpu.subgroup_mma_store_matrix %a, %m[%i, %i] {leadDimension = 16 : index}
      : !gpu.mma_matrix<16x16xf16, "AOp">, memref<16x16xf16>
  return
}
