// A (16x8) times B (16x16) does not multiply; with A transposed it does not either.
func.func @mm(%a: !gpu.mma_matrix<8x16xf16, "AOp">, %b: !gpu.mma_matrix<16x16xf16, "BOp">,
              %c: !gpu.mma_matrix<8x16xf16, "COp">, %bad: !gpu.mma_matrix<16x8xf16, "AOp">) {
  %ok = gpu.subgroup_mma_compute %a, %b, %c : !gpu.mma_matrix<8x16xf16, "AOp">,
      !gpu.mma_matrix<16x16xf16, "BOp"> -> !gpu.mma_matrix<8x16xf16, "COp">
  %no = gpu.subgroup_mma_compute %bad, %b, %c : !gpu.mma_matrix<16x8xf16, "AOp">,
      !gpu.mma_matrix<16x16xf16, "BOp"> -> !gpu.mma_matrix<8x16xf16, "COp">
  return
}
