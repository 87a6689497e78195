#transpose = affine_map<(d0, d1) -> (d1, d0)>
func.func private @transposed(memref<4x8xf32, #transpose>)
func.func private @rank_mismatch(memref<32xf32, #transpose>)
