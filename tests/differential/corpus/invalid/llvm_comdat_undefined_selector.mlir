llvm.comdat @groups {
  llvm.comdat_selector @pick_any any
}
llvm.mlir.global internal constant @value(5 : i64) comdat(@groups::@pick_largest) : i64
