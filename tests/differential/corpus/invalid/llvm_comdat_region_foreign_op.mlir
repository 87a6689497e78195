llvm.comdat @groups {
  llvm.comdat_selector @pick_any any
  llvm.func @stray()
}
