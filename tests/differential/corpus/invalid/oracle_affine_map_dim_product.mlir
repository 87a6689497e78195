// Products of two dimensions are not affine; a symbol factor would be.
#tiled = affine_map<(d0, d1)[s0] -> (d0 * s0 + d1)>
#bad = affine_map<(d0, d1) -> (d0 * d1)>
func.func private @uses(memref<8x8xf32, #tiled>)
