llvm.mlir.global internal @untyped(7 : i16)
