llvm.mlir.global internal @twice(1 : i64) : i64 {
  %c = llvm.mlir.constant(2 : i64) : i64
  llvm.return %c : i64
}
