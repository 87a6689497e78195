// bf16 is not one of the element types of an MMA matrix.
func.func @tiles(%ok: !gpu.mma_matrix<16x16xf16, "AOp">,
                 %bad: !gpu.mma_matrix<16x16xbf16, "AOp">) {
  return
}
