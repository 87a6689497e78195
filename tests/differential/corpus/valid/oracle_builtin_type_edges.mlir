// Element types MLIR accepts that a strict reading could reject.
func.func private @edges(vector<4x!llvm.ptr>,
                         tensor<2xcomplex<i32>>, memref<2xcomplex<f64>>,
                         memref<4xvector<2xi1>>,
                         memref<2x3xf32, strided<[3, 1], offset: 0>>, vector<[4]xi8>)
