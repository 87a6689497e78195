llvm.func @twice() {
  llvm.br ^a
^a:
  llvm.blocktag <id = 7>
  llvm.br ^b
^b:
  llvm.blocktag <id = 7>
  llvm.return
}
