// Each thread must insert into the shared output %acc, not into the input %in.
func.func @copy_rows(%in: tensor<8x4xf32>, %out: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %r = scf.forall (%i) in (8) shared_outs(%acc = %out) -> (tensor<8x4xf32>) {
    %row = tensor.extract_slice %in[%i, 0] [1, 4] [1, 1] : tensor<8x4xf32> to tensor<1x4xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %row into %in[%i, 0] [1, 4] [1, 1]
          : tensor<1x4xf32> into tensor<8x4xf32>
    }
  }
  return %r : tensor<8x4xf32>
}
