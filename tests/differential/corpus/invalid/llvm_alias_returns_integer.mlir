llvm.mlir.global external @base(3 : i32) : i32
llvm.mlir.alias external @bad_alias : i32 {
  %c = llvm.mlir.constant(3 : i32) : i32
  llvm.return %c : i32
}
