llvm.func @greeting() {
  %ok = llvm.mlir.constant("hi") : !llvm.array<2 x i8>
  %bad = llvm.mlir.constant("hello") : !llvm.array<6 x i8>
  llvm.return
}
