llvm.func @grid() {
  %g = llvm.mlir.constant(dense<0.0> : tensor<3x2xf32>) : !llvm.array<3 x array<3 x f32>>
  llvm.return
}
