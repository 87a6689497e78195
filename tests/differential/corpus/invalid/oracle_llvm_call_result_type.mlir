llvm.func @caller(%f: !llvm.ptr) {
  %0 = llvm.call %f() : !llvm.ptr, () -> i32
  %1 = llvm.call %f() : !llvm.ptr, () -> tensor<*xi32>
  llvm.return
}
