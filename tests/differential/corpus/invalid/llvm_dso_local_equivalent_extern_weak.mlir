llvm.func extern_weak @maybe_missing()
llvm.func @address() -> !llvm.ptr {
  %p = llvm.dso_local_equivalent @maybe_missing : !llvm.ptr
  llvm.return %p : !llvm.ptr
}
