llvm.mlir.global private @g(42 : i64) {alignment = 63} : i64
