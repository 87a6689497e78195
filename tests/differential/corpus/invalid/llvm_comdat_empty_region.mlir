llvm.comdat @nothing {
}
