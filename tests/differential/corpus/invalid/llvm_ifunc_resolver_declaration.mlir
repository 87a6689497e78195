llvm.func @choose() -> !llvm.ptr
llvm.mlir.ifunc external @dispatched : !llvm.func<i32 (i32)>, !llvm.ptr @choose
