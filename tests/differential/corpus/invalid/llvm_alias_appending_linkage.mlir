llvm.mlir.global external @base(3 : i32) : i32
llvm.mlir.alias appending @list_alias : i32 {
  %p = llvm.mlir.addressof @base : !llvm.ptr
  llvm.return %p : !llvm.ptr
}
