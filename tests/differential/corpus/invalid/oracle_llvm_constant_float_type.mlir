llvm.func @half() -> f16 {
  %ok = llvm.mlir.constant(1.0 : f16) : f16
  %0 = llvm.mlir.constant(1.0 : bf16) : f16
  llvm.return %0 : f16
}
