llvm.mlir.global external @table(0 : i64) : i64
llvm.mlir.ifunc external @dispatched : !llvm.func<i32 (i32)>, !llvm.ptr @table
