llvm.func @f() -> vector<4xf32> {
  %splat = llvm.mlir.constant(dense<1.0> : vector<4xf32>) : vector<4xf32>
  %0 = llvm.mlir.constant(dense<[1.0, 2.0]> : vector<2xf32>) : vector<4xf32>
  llvm.return %0 : vector<4xf32>
}
