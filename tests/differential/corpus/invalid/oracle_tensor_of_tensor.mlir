func.func @ok(%t: tensor<4xcomplex<f32>>, %v: tensor<2xvector<4xf32>>) {
  return
}
func.func private @nested(tensor<4xtensor<2xf32>>)
