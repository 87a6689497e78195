llvm.mlir.global internal constant @greeting("hello, world") : !llvm.array<5 x i8>
