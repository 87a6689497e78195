llvm.func @choose() -> !llvm.ptr {
  %z = llvm.mlir.zero : !llvm.ptr
  llvm.return %z : !llvm.ptr
}
llvm.mlir.ifunc external @square : !llvm.func<i64 (i64)>, !llvm.ptr @choose
llvm.func @user(%v: i32) -> i64 {
  %r = llvm.call @square(%v) : (i32) -> i64
  llvm.return %r : i64
}
