llvm.mlir.global internal @shared_buffer(0 : i64) {addr_space = 3 : i32} : i64
llvm.func @read() -> i64 {
  %p = llvm.mlir.addressof @shared_buffer : !llvm.ptr
  %v = llvm.load %p : !llvm.ptr -> i64
  llvm.return %v : i64
}
