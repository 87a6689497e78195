llvm.func @stack(%n: i64) {
  %0 = llvm.alloca %n x i32 : (i64) -> !llvm.ptr
  %1 = llvm.alloca %n x i32 : () -> ()
  llvm.return
}
