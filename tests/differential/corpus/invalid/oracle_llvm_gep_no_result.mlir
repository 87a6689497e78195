llvm.func @address(%base: !llvm.ptr, %i: i64) {
  %0 = llvm.getelementptr %base[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  llvm.getelementptr %base[%i] : (!llvm.ptr, i64) -> (), f32
  llvm.return
}
