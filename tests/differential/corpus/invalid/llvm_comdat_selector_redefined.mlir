llvm.comdat @groups {
  llvm.comdat_selector @shared any
  llvm.comdat_selector @shared largest
}
