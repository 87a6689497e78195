llvm.mlir.global private @g(42 : i64) {alignment = 16} : i64
