llvm.mlir.global internal @counter(0 : i64) : i64
llvm.func @address() -> !llvm.ptr {
  %p = llvm.dso_local_equivalent @counter : !llvm.ptr
  llvm.return %p : !llvm.ptr
}
