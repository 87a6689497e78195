llvm.mlir.global external @base(3 : i32) : i32
llvm.mlir.alias external @loaded : i32 {
  %p = llvm.mlir.addressof @base : !llvm.ptr
  %q = llvm.load %p : !llvm.ptr -> !llvm.ptr
  llvm.return %q : !llvm.ptr
}
