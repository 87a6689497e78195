func.func @tile_index(%flat: index) -> index {
  %r:4 = affine.delinearize_index %flat into (4, 8) : index, index, index, index
  return %r#0 : index
}
