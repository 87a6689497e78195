llvm.func @pair() -> !llvm.struct<(f64, f64)> {
  %1 = llvm.mlir.constant(1.0 : f64) : !llvm.struct<(f64, f64)>
  llvm.return %1 : !llvm.struct<(f64, f64)>
}
