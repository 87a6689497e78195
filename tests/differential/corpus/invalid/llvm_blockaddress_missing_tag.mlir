llvm.func @target() {
  llvm.br ^next
^next:
  llvm.blocktag <id = 3>
  llvm.return
}
llvm.func @take() -> !llvm.ptr {
  %a = llvm.blockaddress <function = @target, tag = <id = 4>> : !llvm.ptr
  llvm.return %a : !llvm.ptr
}
