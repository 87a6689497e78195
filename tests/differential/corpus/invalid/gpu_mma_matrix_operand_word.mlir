// The operand kind of an MMA matrix type is a quoted string.
func.func @tile(%ok: !gpu.mma_matrix<16x16xf16, "BOp">,
                %bare: !gpu.mma_matrix<16x16xf16, BOp>) {
  return
}
