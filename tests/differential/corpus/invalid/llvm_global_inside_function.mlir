llvm.func @outer() {
  llvm.mlir.global internal @inner(1 : i32) : i32
  llvm.return
}
