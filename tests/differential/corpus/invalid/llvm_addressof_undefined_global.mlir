llvm.mlir.global internal @counter(0 : i32) : i32
llvm.func @read() -> i32 {
  %p = llvm.mlir.addressof @countr : !llvm.ptr
  %v = llvm.load %p : !llvm.ptr -> i32
  llvm.return %v : i32
}
