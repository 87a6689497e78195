llvm.mlir.global external @counter(0 : i32) : i32
llvm.func @take() -> !llvm.ptr {
  %a = llvm.blockaddress <function = @counter, tag = <id = 0>> : !llvm.ptr
  llvm.return %a : !llvm.ptr
}
