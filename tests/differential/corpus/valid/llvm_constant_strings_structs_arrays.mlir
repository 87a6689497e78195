llvm.mlir.global internal constant @message("hello\00") : !llvm.array<6 x i8>
llvm.func @constants() -> vector<[4]xi32> {
  %s = llvm.mlir.constant("abc") : !llvm.array<3 x i8>
  %pair = llvm.mlir.constant([1 : i32, 2.5 : f64]) : !llvm.struct<(i32, f64)>
  %pairs = llvm.mlir.constant([[1 : i8, 2 : i16], [3 : i8, 4 : i16]]) : !llvm.array<2 x struct<(i8, i16)>>
  %grid = llvm.mlir.constant(dense<1.0> : tensor<2x3xf32>) : !llvm.array<2 x array<3 x f32>>
  %lanes = llvm.mlir.constant(dense<0> : vector<2x4xi8>) : !llvm.array<2 x vector<4xi8>>
  %splat = llvm.mlir.constant(dense<7> : vector<[4]xi32>) : vector<[4]xi32>
  %fsplat = llvm.mlir.constant(dense<0.5> : vector<[2]xf64>) : vector<[2]xf64>
  llvm.return %splat : vector<[4]xi32>
}
