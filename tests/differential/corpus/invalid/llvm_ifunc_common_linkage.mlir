llvm.func @choose() -> !llvm.ptr {
  %z = llvm.mlir.zero : !llvm.ptr
  llvm.return %z : !llvm.ptr
}
llvm.mlir.ifunc common @dispatched : !llvm.func<i32 (i32)>, !llvm.ptr @choose
