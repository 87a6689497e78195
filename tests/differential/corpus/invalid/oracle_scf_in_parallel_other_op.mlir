// Only parallel-combining ops may appear in scf.forall.in_parallel.
func.func @scale_rows(%in: tensor<8xf32>, %out: tensor<8xf32>) -> tensor<8xf32> {
  %r = scf.forall (%i) in (8) shared_outs(%acc = %out) -> (tensor<8xf32>) {
    %x = tensor.extract_slice %in[%i] [1] [1] : tensor<8xf32> to tensor<1xf32>
    scf.forall.in_parallel {
      %two = arith.constant 2.0 : f32
      tensor.parallel_insert_slice %x into %acc[%i] [1] [1] : tensor<1xf32> into tensor<8xf32>
    }
  }
  return %r : tensor<8xf32>
}
