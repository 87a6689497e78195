func.func @tiles(%acc: tensor<16xf32>, %piece: tensor<4xf32>, %n: index, %buf: memref<?xf32>) -> (tensor<16xf32>, index) {
  %four = arith.constant 4 : index
  %out = scf.forall (%t) in (%four) shared_outs(%dst = %acc) -> (tensor<16xf32>) {
    %at = arith.muli %t, %four : index
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %piece into %dst[%at] [4] [1] : tensor<4xf32> into tensor<16xf32>
    }
  }
  scf.forall (%i, %j) = (0, 0) to (%n, 8) step (2, 1) {
    %zero = arith.constant 0.0 : f32
    memref.store %zero, %buf[%i] : memref<?xf32>
  } {mapping = [#gpu.thread<x>, #gpu.thread<y>]}
  %rank = tensor.rank %acc : tensor<16xf32>
  %bits = tensor.bitcast %piece : tensor<4xf32> to tensor<4xi32>
  return %out, %rank : tensor<16xf32>, index
}
