llvm.func @impl(%v: i32) {
  llvm.return
}
llvm.mlir.alias external @impl_alias : !llvm.func<void (i32)> {
  %p = llvm.mlir.addressof @impl : !llvm.ptr
  llvm.return %p : !llvm.ptr
}
llvm.func @user(%v: i32) {
  llvm.call @impl_alias(%v) : (i32) -> ()
  llvm.return
}
