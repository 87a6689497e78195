llvm.func @f() -> f32 {
  %bits = llvm.mlir.constant(1.0 : f16) : i16
  %0 = llvm.mlir.constant(1 : i32) : f32
  llvm.return %0 : f32
}
