llvm.func @pair() -> !llvm.struct<(i32, f64)> {
  %p = llvm.mlir.constant([7 : i32, 7 : i32]) : !llvm.struct<(i32, f64)>
  llvm.return %p : !llvm.struct<(i32, f64)>
}
