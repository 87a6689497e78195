llvm.mlir.global internal constant @holder(1 : i32) : i32
llvm.func @in_group() comdat(@holder::@any) {
  llvm.return
}
