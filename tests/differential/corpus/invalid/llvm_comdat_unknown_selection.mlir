llvm.comdat @groups {
  llvm.comdat_selector @pick maybe
}
