llvm.mlir.global external @table(0 : i64) : i64
llvm.mlir.alias external @table_alias : i64 {
  %p = llvm.mlir.addressof @table : !llvm.ptr
  llvm.return %p : !llvm.ptr
}
llvm.func @address() -> !llvm.ptr {
  %p = llvm.dso_local_equivalent @table_alias : !llvm.ptr
  llvm.return %p : !llvm.ptr
}
