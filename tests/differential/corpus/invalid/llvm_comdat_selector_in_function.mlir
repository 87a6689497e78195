llvm.func @body() {
  llvm.comdat_selector @misplaced any
  llvm.return
}
