llvm.func @lanes() -> vector<[2]xi64> {
  %splat = llvm.mlir.constant(dense<3> : vector<[2]xi64>) : vector<[2]xi64>
  %v = llvm.mlir.constant(dense<[3, 4]> : vector<2xi64>) : vector<[2]xi64>
  llvm.return %v : vector<[2]xi64>
}
