llvm.func @through(%f: !llvm.ptr, %g: !llvm.func<i8 (i8)>, %x: i8) -> i8 {
  %0 = llvm.call %f(%x) : !llvm.ptr, (i8) -> i8
  %1 = llvm.call %g(%x) : !llvm.func<i8 (i8)>, (i8) -> i8
  llvm.return %0 : i8
}
